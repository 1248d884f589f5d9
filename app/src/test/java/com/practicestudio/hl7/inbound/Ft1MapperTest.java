package com.practicestudio.hl7.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.practicestudio.billing.ChargeDraft;
import com.practicestudio.hl7.MessageContent;
import com.practicestudio.hl7v2.Hl7Message;
import com.practicestudio.hl7v2.Segment;
import com.practicestudio.journal.ExchangeFailure;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** FT1 → charge fields, one row per mapped field. */
class Ft1MapperTest {

  private static final String HEAD = "MSH|^~\\&|||||||DFT^P03|1|P|2.5\nPID|1||1^^^^MR||DOE\n";

  // FT1|1|txn|batch|date|posted|type|code|desc|alt desc|qty|extended|unit|…|19 dx|20 performed
  private static final String FT1 =
      "FT1|1|12345||20191122|20191122|CG|71045^Xray exam chest 1 view^C4|||2|100&USD|50&USD"
          + "|||||||J18.9^Pneumonia^I10~29857009^Chest pain^SCT|9941339108^Smith^Adam";

  static Stream<Arguments> fields() {
    return Stream.of(
        // FT1-2 transaction id is the external id
        row("FT1-2 transaction id", FT1, ChargeDraft::externalId, "12345"),
        // FT1-4 transaction date
        row("FT1-4 date", FT1, d -> d.serviceDate().toString(), "2019-11-22"),
        // FT1-7 transaction code when it is CPT/HCPCS, with its text
        row(
            "FT1-7 code",
            FT1,
            d -> d.code() + " " + d.description(),
            "71045 Xray exam chest 1 view"),
        // FT1-10 quantity
        row("FT1-10 quantity", FT1, ChargeDraft::quantity, new BigDecimal("2")),
        // FT1-11 extended amount, FT1-12 unit amount (CP price&currency)
        row("FT1-11 amount", FT1, ChargeDraft::amount, new BigDecimal("100")),
        row("FT1-12 unit amount", FT1, ChargeDraft::unitAmount, new BigDecimal("50")),
        // FT1-19 diagnoses: ICD-10 kept, SNOMED left out
        row("FT1-19 diagnoses", FT1, ChargeDraft::diagnosisCodes, List.of("J18.9")),
        // FT1-25 procedure code when FT1-7 is a chargemaster code
        row(
            "FT1-25 procedure code",
            "FT1|2|||20191122||CG|626.2|||1|120&USD||||||||||||||99011^first op visit|26",
            d -> d.code() + " " + d.description() + " " + d.modifiers(),
            "99011 first op visit [26]"),
        // HCPCS level II code
        row(
            "FT1-7 HCPCS",
            "FT1|1|9||20200101||CG|J1100^Dexamethasone|||1|12.50",
            ChargeDraft::code,
            "J1100"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fields")
  void maps_each_field(
      String field, String ft1, Function<ChargeDraft, Object> read, Object expected) {
    assertThat(read.apply(draft(HEAD + ft1))).isEqualTo(expected);
  }

  @Test
  void diagnoses_come_from_dg1_when_ft1_19_has_none() {
    ChargeDraft draft =
        draft(
            HEAD
                + "FT1|1|7||20200101||CG|99213|||1|80\n"
                + "DG1|1|I10|E11.9^Type 2 diabetes\nDG1|2||M545^Low back pain^I10\n"
                + "DG1|3|I9|250.00^Diabetes^I9");
    assertThat(draft.diagnosisCodes()).containsExactly("E11.9", "M545");
  }

  @ParameterizedTest(name = "FT1-6 {0}")
  @CsvSource({"CG", "cg", "''"})
  void a_charge_or_an_ft1_without_type_is_posted(String type) {
    Hl7Message m = TestInbound.message(HEAD + "FT1|1|7||20200101||" + type + "|99213|||1|80");
    assertThatCode(() -> Ft1Mapper.requireCharge(m.segment("FT1").orElseThrow(), "FT1(1)"))
        .doesNotThrowAnyException();
  }

  @ParameterizedTest(name = "FT1-6 {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // a credit, a payment, an adjustment: named by their table 0017 code
        "CD            | HL7-112 FT1(2)-6 transaction type CD is not applied: only charges (CG) are"
            + " posted",
        "PY            | HL7-112 FT1(2)-6 transaction type PY is not applied: only charges (CG) are"
            + " posted",
        "aj^Adjustment | HL7-112 FT1(2)-6 transaction type AJ is not applied: only charges (CG) are"
            + " posted",
        // a value that is no table code is not quoted
        "Refund 12.50  | HL7-112 FT1(2)-6 transaction type is not applied: only charges (CG) are"
            + " posted"
      })
  void any_other_transaction_type_fails_with_a_code_naming_it(String type, String expected) {
    Hl7Message m = TestInbound.message(HEAD + "FT1|2|7||20200101||" + type + "|99213|||1|80");
    assertThatThrownBy(() -> Ft1Mapper.requireCharge(m.segment("FT1").orElseThrow(), "FT1(2)"))
        .isInstanceOfSatisfying(
            ExchangeFailure.class, f -> assertThat(f.code() + " " + f.text()).isEqualTo(expected));
  }

  @Test
  void the_key_of_an_ft1_without_transaction_id_names_its_message() {
    String head = "MSH|^~\\&|PFT|HOSP|||20200101||DFT^P03|CTL-1|P|2.3\n";
    String ft1 = "FT1|1|||20200101||CG|99213|||1|80";
    String first = key(head, "EVN|P03|20200101\n", ft1);

    assertThat(key(head.replace("20200101|", "20200102|"), "EVN|P03|20200101\n", ft1))
        .as("the same message resent with a new MSH-7")
        .isEqualTo(first);
    assertThat(key(head.replace("CTL-1", "CTL-2"), "EVN|P03|20200101\n", ft1))
        .as("the same message resent under a new MSH-10")
        .isEqualTo(first);
    assertThat(key(head, "EVN|P03|20200102\n", ft1))
        .as("another message, even under the same MSH-10")
        .isNotEqualTo(first);
    assertThat(key(head.replace("PFT|", "LAB|"), "EVN|P03|20200101\n", ft1))
        .as("another sender")
        .isNotEqualTo(first);
  }

  private static String key(String msh, String evn, String ft1) {
    Hl7Message m = TestInbound.message(msh + evn + "PID|1||1^^^^MR||DOE\n" + ft1);
    Segment segment = m.segment("FT1").orElseThrow();
    PatientUpdate patient = new PatientUpdate(new PatientFields(), Set.of(), "1", "HOSP");
    return Ft1Mapper.key(
        patient,
        m,
        MessageContent.key(m),
        segment,
        Ft1Mapper.draft(m, segment, "FT1(1)", 1L, null, null));
  }

  @Test
  void a_missing_date_or_a_foreign_currency_names_the_ft1() {
    assertThatThrownBy(() -> draft(HEAD + "FT1|1|7||||CG|99213|||1|80"))
        .isInstanceOfSatisfying(
            ExchangeFailure.class,
            f ->
                assertThat(f.code() + " " + f.text())
                    .isEqualTo("HL7-104 FT1(1)-4 gives no transaction date"));
    assertThatThrownBy(() -> draft(HEAD + "FT1|1|7||20200101||CG|99213|||1|80&EUR"))
        .isInstanceOfSatisfying(
            ExchangeFailure.class,
            f ->
                assertThat(f.code() + " " + f.text()).isEqualTo("HL7-107 FT1(1)-11 is not in USD"));
    assertThatThrownBy(() -> draft(HEAD + "FT1|1|7||20200101||CG|99213|||two"))
        .isInstanceOfSatisfying(
            ExchangeFailure.class,
            f ->
                assertThat(f.code() + " " + f.text())
                    .isEqualTo("HL7-106 FT1(1)-10 is not a number"));
  }

  private static ChargeDraft draft(String text) {
    Hl7Message m = TestInbound.message(text);
    return Ft1Mapper.draft(m, m.segment("FT1").orElseThrow(), "FT1(1)", 1L, null, null);
  }

  private static Arguments row(
      String field, String ft1, Function<ChargeDraft, Object> read, Object expected) {
    return Arguments.of(field, ft1, read, expected);
  }
}
