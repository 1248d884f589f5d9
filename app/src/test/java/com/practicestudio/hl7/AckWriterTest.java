package com.practicestudio.hl7;

import static org.assertj.core.api.Assertions.assertThat;

import com.practicestudio.hl7v2.Hl7Message;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class AckWriterTest {

  private final AckWriter acks =
      new AckWriter(Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC));
  private static final ListenerSettings SETTINGS =
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

  private static Inspection inspect(String text) {
    return MessageInspector.inspect(text.getBytes(StandardCharsets.UTF_8), SETTINGS, List.of());
  }

  @Test
  void a_nak_for_an_unparseable_message_is_addressed_from_its_header_and_names_the_code() {
    Inspection in = inspect("MSH|^~\\&|APP|FAC|PS|CLINIC|2026|||CTRL-9|P|2.3\rPID|1||SECRET\r");
    Hl7Message nak = Hl7Message.parse(acks.refused(in, null));
    assertThat(nak.get("MSA-1")).isEqualTo("AR");
    assertThat(nak.get("MSA-2")).isEqualTo("CTRL-9");
    assertThat(nak.get("MSH-5")).isEqualTo("APP");
    assertThat(nak.get("MSH-3")).isEqualTo("PS");
    assertThat(nak.get("MSH-7")).isEqualTo("20261125100000+0000");
    assertThat(nak.get("ERR-3.1")).isEqualTo("101");
    assertThat(nak.get("ERR-8")).startsWith("HL7-006");
    assertThat(nak.encode()).doesNotContain("SECRET");
  }

  @Test
  void an_error_answer_carries_err_and_no_content() {
    Inspection in = inspect(Hl7Samples.adt("A04", "C1", "SECRET-MRN"));
    Hl7Message ae =
        Hl7Message.parse(acks.error(in, Hl7InterfaceError.APPLY_FAILED, "PAT-003 bad date", null));
    assertThat(ae.get("MSA-1")).isEqualTo("AE");
    assertThat(ae.get("ERR-8"))
        .isEqualTo("HL7-054 stored, but applying it failed: PAT-003 bad date");
    assertThat(ae.get("MSA-3").length()).isLessThanOrEqualTo(80);
    assertThat(ae.encode()).doesNotContain("SECRET").doesNotContain("DOE");
  }

  @Test
  void control_ids_differ_per_answer() {
    assertThat(acks.nextId()).isNotEqualTo(acks.nextId());
  }
}
