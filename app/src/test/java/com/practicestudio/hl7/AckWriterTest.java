package com.practicestudio.hl7;

import static org.assertj.core.api.Assertions.assertThat;

import com.practicestudio.hl7.inbound.Hl7HandlersProperties;
import com.practicestudio.hl7.inbound.MrnRule;
import com.practicestudio.hl7v2.Hl7Message;
import com.practicestudio.journal.ExchangeStatus;
import com.practicestudio.mllp.FrameFailure;
import com.practicestudio.mllp.MllpError;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AckWriterTest {

  private static final CorrelationKeys KEYS =
      new CorrelationKeys(new MrnRule(Hl7HandlersProperties.defaults()));

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
          9L);

  /** MSH-9 is missing, so the parser refuses it; MSH-15/16 ask for enhanced mode. */
  private static final String UNPARSEABLE_ENHANCED =
      "MSH|^~\\&|APP|FAC|PS|CLINIC|2026|||CTRL-9|P|2.3|||AL|NE\rPID|1||SECRET\r";

  private static Inspection inspect(String text) {
    return MessageInspector.inspect(
        text.getBytes(StandardCharsets.UTF_8), SETTINGS, List.of(), KEYS);
  }

  private static ListenerSettings settings(String mode) {
    return mode.equals("enhanced") ? ENHANCED : SETTINGS;
  }

  private static String message(String header) {
    String adt = Hl7Samples.adt("A04", "C1", "SECRET-MRN");
    return switch (header) {
      case "msh15-16" -> Hl7Samples.withHeaderFields(adt, "AL", "AL");
      case "unparseable" -> UNPARSEABLE_ENHANCED;
      default -> adt;
    };
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

  @ParameterizedTest(name = "{0} on an {1} listener, message with {2}: {3} {4}")
  @CsvSource({
    "FRAME_TOO_LARGE,                   original, msh15-16,    AR, HL7-055",
    "FRAME_TOO_LARGE,                   enhanced, msh15-16,    CR, HL7-055",
    "FRAME_TOO_LARGE,                   enhanced, none,        AR, HL7-055",
    "FRAME_TOO_LARGE,                   enhanced, unparseable, CR, HL7-055",
    "END_BLOCK_WITHOUT_CARRIAGE_RETURN, original, msh15-16,    AR, HL7-056",
    "END_BLOCK_WITHOUT_CARRIAGE_RETURN, enhanced, msh15-16,    CR, HL7-056",
    "HANDLER_TIMEOUT,                   original, msh15-16,    AE, HL7-057",
    "HANDLER_TIMEOUT,                   enhanced, msh15-16,    CE, HL7-057",
    "HANDLER_TIMEOUT,                   enhanced, none,        AE, HL7-057",
    "HANDLER_TIMEOUT,                   enhanced, unparseable, CE, HL7-057",
    "HANDLER_FAILED,                    original, none,        AE, HL7-052",
    "HANDLER_FAILED,                    enhanced, msh15-16,    CE, HL7-052",
  })
  void a_frame_the_listener_could_not_answer_gets_the_code_of_the_mode_it_asked_for(
      MllpError error, String mode, String header, String code, String reason) {
    byte[] content = message(header).getBytes(StandardCharsets.UTF_8);
    FrameFailure failure = new FrameFailure(error, content, content.length, 1, null);

    Hl7Message nak = Hl7Message.parse(acks.forFailure(failure, settings(mode)));

    assertThat(nak.get("MSA-1")).isEqualTo(code);
    assertThat(nak.get("MSA-2")).isEqualTo(header.equals("unparseable") ? "CTRL-9" : "C1");
    assertThat(nak.get("ERR-8")).startsWith(reason + " ");
    assertThat(nak.encode()).doesNotContain("SECRET");
  }

  @ParameterizedTest(name = "{0} on an {1} listener: {2}")
  @CsvSource({
    "msh15-16,    enhanced, CR",
    "msh15-16,    original, AR",
    "unparseable, enhanced, CR",
    "unparseable, original, AR",
  })
  void a_refusal_is_cr_when_the_message_asks_for_enhanced_mode(
      String header, String mode, String code) {
    // an ADT^A04 with no filter rules is not accepted; an unparseable one is malformed
    Inspection in =
        MessageInspector.inspect(
            message(header).getBytes(StandardCharsets.UTF_8), settings(mode), List.of(), KEYS);

    assertThat(Hl7Message.parse(acks.refused(in, null)).get("MSA-1")).isEqualTo(code);
    assertThat(Hl7Message.parse(acks.error(in, Hl7InterfaceError.NOT_STORED, null, null)))
        .satisfies(
            ae -> {
              assertThat(ae.get("MSA-1")).isEqualTo(code.equals("CR") ? "CE" : "AE");
              assertThat(ae.get("ERR-8")).startsWith("HL7-052 ");
            });
  }

  @ParameterizedTest(name = "{0} {1}: {3} {4}")
  @CsvSource({
    "     ,           ,         , AE, HL7-053",
    "APPLIED,         ,         , AA, ",
    "IGNORED,         ,         , AA, ",
    "DISCARDED,       ,         , AE, HL7-058",
    "FAILED,  PAT-003, bad date , AE, 'HL7-054 stored, but applying it failed: PAT-003 bad date'",
  })
  void after_apply_answers_with_the_outcome(
      ExchangeStatus status, String errorCode, String errorText, String code, String err) {
    OutcomeWatcher.RowOutcome outcome =
        status == null ? null : new OutcomeWatcher.RowOutcome(1, status, errorCode, errorText);

    Hl7Message ack = Hl7Message.parse(acks.afterApply(inspect(message("none")), outcome, null));

    assertThat(ack.get("MSA-1")).isEqualTo(code);
    assertThat(ack.get("MSA-2")).isEqualTo("C1");
    if (err == null) {
      assertThat(ack.encode()).doesNotContain("ERR|");
    } else {
      assertThat(ack.get("ERR-8")).startsWith(err);
    }
  }
}
