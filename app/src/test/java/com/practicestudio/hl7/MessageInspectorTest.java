package com.practicestudio.hl7;

import static org.assertj.core.api.Assertions.assertThat;

import com.practicestudio.hl7.inbound.Hl7HandlersProperties;
import com.practicestudio.hl7.inbound.MrnRule;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageInspectorTest {

  private static final CorrelationKeys KEYS =
      new CorrelationKeys(new MrnRule(Hl7HandlersProperties.defaults()));

  private static final ListenerSettings ORIGINAL =
      new ListenerSettings(
          null,
          0,
          null,
          null,
          AckMode.ORIGINAL,
          AckTiming.AFTER_STORE,
          null,
          1 << 20,
          1,
          1,
          0,
          1,
          null);
  private static final ListenerSettings ENHANCED =
      new ListenerSettings(
          null,
          0,
          null,
          null,
          AckMode.ENHANCED,
          AckTiming.AFTER_STORE,
          null,
          1 << 20,
          1,
          1,
          0,
          1,
          null);

  private static Inspection inspect(String text, ListenerSettings settings) {
    return MessageInspector.inspect(
        text.getBytes(StandardCharsets.ISO_8859_1), settings, List.of(), KEYS);
  }

  @Test
  void reads_type_sender_control_id_and_the_mrn_by_identifier_type() {
    Inspection in =
        inspect(
            "MSH|^~\\&|LAB|HOSP|PS|C|2026||ORU^R01|C-7|P|2.5.1\r"
                + "PID|1||999^^^SSA^SS~M-42^^^HOSP^MRN\r",
            ORIGINAL);
    assertThat(in.messageType()).isEqualTo("ORU^R01");
    assertThat(in.sender()).isEqualTo("LAB^HOSP");
    assertThat(in.messageId()).isEqualTo("C-7");
    assertThat(in.correlationKey()).isEqualTo("MRN:M-42");
    assertThat(in.refused()).isTrue(); // no rules: nothing is accepted
  }

  @Test
  void a_resend_has_the_content_key_of_the_original_and_a_different_message_another() {
    String body = "EVN|A08|20260302\rPID|1||M-42^^^HOSP^MR||DOE^JANE\r";
    String original = "MSH|^~\\&|LAB|HOSP|PS|C|20260302090000||ADT^A08|C-7|P|2.5.1\r" + body;
    String rebuiltHeader = "MSH|^~\\&|LAB|HOSP|PS|C|20260302091500||ADT^A08|C-7|P|2.5.1\r" + body;
    String otherLineEnds = original.replace("\r", "\r\n");
    String otherPatient = original.replace("DOE^JANE", "ROE^RICHARD");
    String otherTrigger = original.replace("ADT^A08", "ADT^A31");

    String key = inspect(original, ORIGINAL).contentKey();

    assertThat(key).matches("[0-9a-f]{32}");
    assertThat(inspect(rebuiltHeader, ORIGINAL).contentKey()).isEqualTo(key);
    assertThat(inspect(otherLineEnds, ORIGINAL).contentKey()).isEqualTo(key);
    assertThat(inspect(otherPatient, ORIGINAL).contentKey()).isNotEqualTo(key);
    assertThat(inspect(otherTrigger, ORIGINAL).contentKey()).isNotEqualTo(key);
    assertThat(inspect("not HL7", ORIGINAL).contentKey()).isNull();
  }

  @Test
  void a_message_without_a_control_id_is_named_by_its_content_so_a_resend_is_a_duplicate() {
    String body = "PID|1||M-42^^^HOSP^MR\r";
    Inspection first = inspect("MSH|^~\\&|A|B|||20260302090000||ADT^A08||P|2.3\r" + body, ORIGINAL);
    Inspection resent =
        inspect("MSH|^~\\&|A|B|||20260302091500||ADT^A08||P|2.3\r" + body, ORIGINAL);

    assertThat(first.messageId()).isEqualTo("NO-MSH10:" + first.contentKey());
    assertThat(resent.messageId()).isEqualTo(first.messageId());
  }

  @Test
  void cerner_mrns_with_a_raw_alias_type_are_keyed_as_the_handlers_find_them() {
    // PID-3 as Cerner HNA sends it: the MRN's type is a code value, its authority names the pool
    Inspection adt =
        inspect(
            "MSH|^~\\&|HNA|H|PS|C|2026||ADT^A08|1|P|2.3\r"
                + "PID|1||77^^^FIN^CD:1077~M-42^^^MRN^CD:10||DOE^JANE\r",
            ORIGINAL);
    Inspection merge =
        inspect(
            "MSH|^~\\&|HNA|H|PS|C|2026||ADT^A40|2|P|2.3\r"
                + "PID|1||M-42^^^MRN^CD:10\rMRG|M-7^^^MRN^CD:10\r",
            ORIGINAL);

    assertThat(adt.correlationKey()).isEqualTo("MRN:M-42");
    assertThat(merge.correlationKey())
        .as("the merged patient's earlier messages were keyed MRN:M-7")
        .isEqualTo("MRN:M-7");
  }

  @Test
  void a_site_mrn_type_from_the_settings_makes_the_key() {
    CorrelationKeys site =
        new CorrelationKeys(
            new MrnRule(new Hl7HandlersProperties(null, List.of("MR", "MRN", "PE"))));
    Inspection in =
        MessageInspector.inspect(
            "MSH|^~\\&|A|B|||2026||ADT^A08|1|P|2.3\rPID|1||111^^^X^PI~222^^^H^PE\r"
                .getBytes(StandardCharsets.ISO_8859_1),
            ORIGINAL,
            List.of(),
            site);

    assertThat(in.correlationKey()).isEqualTo("MRN:222");
  }

  @Test
  void a_merge_is_keyed_by_the_merged_patients_mrn() {
    Inspection in =
        inspect(
            "MSH|^~\\&|A|B|C|D|2026||ADT^A40|1|P|2.3\r" + "PID|1||SURV^^^H^MR\rMRG|OLD-1^^^H^MR\r",
            ORIGINAL);
    assertThat(in.correlationKey()).isEqualTo("MRN:OLD-1");
  }

  @Test
  void an_untyped_identifier_is_the_mrn_and_without_any_mrn_the_first_identifier_is_the_key() {
    assertThat(
            inspect("MSH|^~\\&|A|B|||2026||ADT^A08|1|P|2.3\rPID|1||777\r", ORIGINAL)
                .correlationKey())
        .as("the handlers take an untyped PID-3 as the MRN")
        .isEqualTo("MRN:777");
    assertThat(
            inspect(
                    "MSH|^~\\&|A|B|||2026||ADT^A08|1|P|2.3\rPID|1||777^^^X^PI~888^^^X^DL\r",
                    ORIGINAL)
                .correlationKey())
        .isEqualTo("PID:777");
    assertThat(inspect("MSH|^~\\&|A|B|||2026||MFN^M02|1|P|2.3\r", ORIGINAL).correlationKey())
        .isNull();
  }

  @Test
  void a_malformed_message_keeps_what_its_header_shows_and_an_id_from_its_bytes() {
    Inspection in = inspect("MSH|^~\\&|APP|FAC|||2026|||CTRL-9|P|2.5\r", ORIGINAL);
    assertThat(in.message()).isNull();
    assertThat(in.parseError().code()).isEqualTo("HL7-006");
    assertThat(in.messageType()).isEqualTo("MALFORMED");
    assertThat(in.sender()).isEqualTo("APP^FAC");
    assertThat(in.header().controlId()).isEqualTo("CTRL-9");
    assertThat(in.messageId()).startsWith("MALFORMED:").hasSize("MALFORMED:".length() + 32);
    assertThat(inspect("", ORIGINAL).sender()).isEqualTo("unknown");
  }

  @Test
  void enhanced_rules_apply_only_when_msh15_or_msh16_is_valued() {
    String plain = "MSH|^~\\&|A|B|||2026||ADT^A08|1|P|2.5.1\rPID|1||1^^^H^MR\r";
    assertThat(inspect(plain, ENHANCED).enhanced()).isFalse();
    Inspection in = inspect(Hl7Samples.withHeaderFields(plain, "AL", "er"), ENHANCED);
    assertThat(in.enhanced()).isTrue();
    assertThat(in.applicationAck()).isEqualTo("ER");
    assertThat(ApplicationAckRule.Mode.of(in.applicationAck()))
        .contains(ApplicationAckRule.Mode.ER);
    assertThat(inspect(Hl7Samples.withHeaderFields(plain, "AL", "AL"), ORIGINAL).enhanced())
        .isFalse();
  }

  @Test
  void a_charset_override_reads_the_bytes_in_that_charset() {
    byte[] latin1 =
        "MSH|^~\\&|A|B|||2026||ADT^A08|1|P|2.5.1\rPID|1||1^^^H^MR||M\u00dcLLER\r"
            .getBytes(StandardCharsets.ISO_8859_1);
    ListenerSettings override =
        new ListenerSettings(
            null,
            0,
            null,
            null,
            AckMode.ORIGINAL,
            AckTiming.AFTER_STORE,
            "8859/1",
            1 << 20,
            1,
            1,
            0,
            1,
            null);
    Inspection in = MessageInspector.inspect(latin1, override, List.of(), KEYS);
    assertThat(in.message().get("PID-5")).isEqualTo("M\u00dcLLER");
    assertThat(Hl7Text.contentType(in.charset())).isEqualTo("application/hl7-v2");
  }
}
