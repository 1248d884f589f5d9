package com.practicestudio.hl7.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.practicestudio.hl7.inbound.ObxValues.Code;
import com.practicestudio.hl7.inbound.OruResults.Result;
import com.practicestudio.hl7v2.Hl7Message;
import com.practicestudio.journal.ExchangeFailure;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** ORU results → observation fields, one row per mapped field. */
class OruMappingTest {

  private static final String HEAD =
      "MSH|^~\\&|LAB|FAC|||20260101120000||ORU^R01|1|P|2.5.1\nPID|1||1^^^^MR||DOE\n"
          + "OBR|1|PL-1^EHR|ACC-9^LAB|24317-0^Hemogram^LN|||20260101083000-0600||||||||||||||"
          + "20260101100000-0600||HM|F\n";

  static Stream<Arguments> fields() {
    return Stream.of(
        // OBX-3 LOINC in the first coding
        row(
            "OBX-3 LOINC",
            "OBX|1|NM|718-7^Hemoglobin^LN||13.7|g/dL",
            r -> code(r).code() + " " + code(r).system(),
            "718-7 http://loinc.org"),
        // OBX-3 local code with its LOINC as the alternate coding: LOINC wins
        row(
            "OBX-3 alternate LOINC",
            "OBX|1|ST|WBC^WBC^L^6690-2^Leukocytes^LN||5.8",
            r -> code(r).code() + " " + code(r).system() + " " + code(r).display(),
            "6690-2 http://loinc.org Leukocytes"),
        // OBX-3 local code only, kept with its system
        row("OBX-3 local", "OBX|1|NM|84295^SODIUM^GH||145", r -> code(r).system(), "GH"),
        // OBX-3 empty: the order's OBR-4 names it
        row("OBX-3 from OBR-4", "OBX|1|TX|||report text", r -> code(r).code(), "24317-0"),
        // OBX-5 NM
        row("OBX-5 NM", "OBX|1|NM|718-7^Hgb^LN||13.7", ObxValues::value, "13.7"),
        // OBX-5 SN: comparator and number
        row("OBX-5 SN", "OBX|1|SN|5198-7^HCV Ab^LN||>^11.0", ObxValues::value, ">11.0"),
        row(
            "OBX-5 SN without comparator",
            "OBX|1|SN|1554-5^Glucose^LN||^182",
            ObxValues::value,
            "182"),
        // OBX-5 CWE: the text of the coded answer
        row(
            "OBX-5 CWE",
            "OBX|1|CWE|94558-4^SARS^LN||260415000^Not detected^SCT",
            ObxValues::value,
            "Not detected"),
        // OBX-5 FT with formatting escapes as line breaks
        row(
            "OBX-5 FT",
            "OBX|1|FT|ERDr^Notes||first\\.br\\second",
            ObxValues::value,
            "first\nsecond"),
        // OBX-5 repetitions
        row("OBX-5 repetitions", "OBX|1|NM|8867-4^HR^LN||60~120", ObxValues::value, "60, 120"),
        // OBX-6 unit as UCUM (the spellings are in units())
        row("OBX-6 unit", "OBX|1|NM|47633-3^Glycine^LN||0.5|µmol/L", r -> unit(r), "umol/L"),
        // OBX-7 reference range
        row(
            "OBX-7 range",
            "OBX|1|NM|718-7^Hgb^LN||13.7|g/dL|12.0-14.1",
            r -> Fields.plainText(r.obx, 7, 1, 1),
            "12.0-14.1"),
        // OBX-8 abnormal flags, repetitions joined
        row(
            "OBX-8 flags",
            "OBX|1|SN|5198-7^HCV^LN||>^11.0|||H~POS",
            r -> ObxValues.abnormalFlags(r.obx),
            "H~POS"),
        // OBX-11 status (HL7 table 0085)
        row("OBX-11 F", "OBX|1|NM|718-7^Hgb^LN||1||||||F", r -> ObxValues.status(r.obx), "final"),
        row(
            "OBX-11 C",
            "OBX|1|NM|718-7^Hgb^LN||1||||||C",
            r -> ObxValues.status(r.obx),
            "corrected"),
        row(
            "OBX-11 P",
            "OBX|1|NM|718-7^Hgb^LN||1||||||P",
            r -> ObxValues.status(r.obx),
            "preliminary"),
        // OBR-2 / OBR-3 order id and accession
        row(
            "OBR-2/3 ids",
            "OBX|1|NM|718-7^Hgb^LN||1",
            r -> r.orderId + " " + r.accession,
            "PL-1 ACC-9"),
        // OBR-24 diagnostic section → category; a vital-sign LOINC → vital-signs
        row(
            "OBR-24 category",
            "OBX|1|NM|718-7^Hgb^LN||1",
            r -> ObxValues.category(code(r), r.obr),
            "laboratory"),
        row(
            "vital sign",
            "OBX|1|NM|8867-4^Heart rate^LN||72",
            r -> ObxValues.category(code(r), r.obr),
            "vital-signs"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fields")
  void maps_each_field(String field, String obx, Function<Result, Object> read, Object expected) {
    List<Result> results = results(HEAD + obx);
    assertThat(results).hasSize(1);
    assertThat(read.apply(results.get(0))).isEqualTo(expected);
  }

  static Stream<Arguments> units() {
    return Stream.of(
        // OBX-6.3 says UCUM: OBX-6.1 as sent, even where a spelling would be translated
        Arguments.of("ug/dL^micrograms per deciliter^UCUM", "ug/dL"),
        Arguments.of("{ratio}^ratio^UCUM", "{ratio}"),
        Arguments.of("mg/dl^^UCUM", "mg/dl"),
        // the alternate coding OBX-6.4 when OBX-6.6 says UCUM
        Arguments.of("MGDL^mg per dL^L^mg/dL^^UCUM", "mg/dL"),
        // already UCUM, no system named
        Arguments.of("10*3/uL", "10*3/uL"),
        Arguments.of("mmol/L", "mmol/L"),
        // common spellings: case, micro sign, cell counts, words
        Arguments.of("mg/dl", "mg/dL"),
        Arguments.of("MG/DL", "mg/dL"),
        Arguments.of("mmol/l", "mmol/L"),
        Arguments.of("µmol/L", "umol/L"),
        Arguments.of("K/uL", "10*3/uL"),
        Arguments.of("THOU/uL", "10*3/uL"),
        Arguments.of("x10\\S\\3/uL", "10*3/uL"), // x10^3/uL, the ^ escaped
        Arguments.of("MIL/uL", "10*6/uL"),
        Arguments.of("mill/mm3", "10*6/uL"),
        Arguments.of("tera.l-1", "10*12/L"),
        Arguments.of("mcg/dL", "ug/dL"),
        Arguments.of("mm/hr", "mm/h"),
        Arguments.of("/hpf", "/[HPF]"),
        Arguments.of("fl", "fL"),
        Arguments.of("beats/min^^ISO", "/min"),
        // the text OBX-6.2 when OBX-6.1 is empty
        Arguments.of("^MG/DL", "mg/dL"),
        // no UCUM form known: kept as sent
        Arguments.of("mg/g crea", "mg/g crea"),
        Arguments.of("copies/µL", "copies/µL"),
        Arguments.of("enzyme units^^L", "enzyme units"),
        // not sent
        Arguments.of("", null));
  }

  @ParameterizedTest(name = "{0} → {1}")
  @MethodSource("units")
  void the_unit_is_stored_as_ucum_and_kept_as_sent_when_no_ucum_form_is_known(
      String obx6, String expected) {
    assertThat(unit(results(HEAD + "OBX|1|NM|2345-7^Glucose^LN||105|" + obx6).get(0)))
        .isEqualTo(expected);
  }

  @Test
  void text_lines_of_one_code_are_one_report_and_ntes_are_the_notes_of_the_obx_before_them() {
    List<Result> results =
        results(
            HEAD
                + "NTE|1||order note\n"
                + "OBX|1|TX|REP^Report^L||line one||||||F\n"
                + "OBX|2|TX|REP^Report^L||||||||F\n"
                + "OBX|3|TX|REP^Report^L||line three||||||F\n"
                + "OBX|4|NM|718-7^Hgb^LN||13.7\n"
                + "NTE|1||about the hemoglobin\n");
    assertThat(results).hasSize(2);
    assertThat(ObxValues.value(results.get(0))).isEqualTo("line one\n\nline three");
    assertThat(results.get(0).notes).containsExactly("order note");
    assertThat(results.get(1).notes).containsExactly("order note", "about the hemoglobin");
  }

  @Test
  void many_obr_groups_keep_their_own_order_ids() {
    List<Result> results =
        results(
            HEAD
                + "OBX|1|NM|718-7^Hgb^LN||13.7\n"
                + "OBR|2||ACC-10^LAB|2951-2^Sodium^LN|||20260101083000\n"
                + "OBX|1|NM|2951-2^Sodium^LN||140");
    assertThat(results).extracting(r -> r.accession).containsExactly("ACC-9", "ACC-10");
  }

  @Test
  void the_effective_time_is_obx14_else_obr7_and_one_is_needed() {
    Inbound in =
        TestInbound.of(HEAD + "OBX|1|NM|718-7^Hgb^LN||1||||||F|||20260101091500-0600", "x");
    assertThat(ObservationRecords.effective(in, results(in).get(0)))
        .isEqualTo(Instant.parse("2026-01-01T15:15:00Z"));
    Inbound fromObr = TestInbound.of(HEAD + "OBX|1|NM|718-7^Hgb^LN||1", "x");
    assertThat(ObservationRecords.effective(fromObr, results(fromObr).get(0)))
        .isEqualTo(Instant.parse("2026-01-01T14:30:00Z"));
    Inbound none =
        TestInbound.of(
            "MSH|^~\\&|||||||ORU^R01|1|P|2.5\nPID|1||1^^^^MR||DOE\nOBX|1|NM|1-8^X^LN||1", "x");
    assertThatThrownBy(() -> ObservationRecords.effective(none, results(none).get(0)))
        .isInstanceOfSatisfying(
            ExchangeFailure.class,
            f -> assertThat(f.text()).isEqualTo("OBX-14 and OBR-7 give no observation time"));
  }

  private static List<Result> results(String text) {
    return results(TestInbound.of(text, "ORU^R01"));
  }

  private static List<Result> results(Inbound in) {
    Hl7Message m = in.message();
    return OruResults.read(m.segments().subList(2, m.segmentCount()));
  }

  private static String unit(Result r) {
    return ObxValues.unit(r.obx);
  }

  private static Code code(Result r) {
    return ObxValues.code(r.obx, r.obr);
  }

  private static Arguments row(
      String field, String obx, Function<Result, Object> read, Object expected) {
    return Arguments.of(field, obx, read, expected);
  }
}
