package com.practicestudio.hl7v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AcksTest {

  private static final OffsetDateTime NOW =
      OffsetDateTime.of(2026, 11, 25, 10, 15, 30, 0, ZoneOffset.ofHours(-6));

  // ADT^A01 v2.4: MSH-3 ADT1, MSH-4 MCM, MSH-5 LABADT, MSH-6 MCM, MSH-10 MSG00001, MSH-11 P
  private static final Hl7Message ADT =
      Hl7Message.parse(
          String.join(
              "\r",
              "MSH|^~\\&|ADT1|MCM|LABADT|MCM|198808181126|SECURITY|ADT^A01^ADT_A01|MSG00001|P|2.5.1",
              "EVN|A01|198808181123",
              "PID|1||PATID1234^5^M11^ADT1^MR^MCM~123456789^^^USA^SS||JONES^WILLIAM^A^III||19610615|M",
              ""));

  @Test
  void original_mode_aa_swaps_sender_and_receiver_and_echoes_the_control_id() {
    Hl7Message ack = Acks.to(ADT).code(AckCode.AA).controlId("PS-42").at(NOW).build();
    assertThat(ack.encode())
        .isEqualTo(
            "MSH|^~\\&|LABADT|MCM|ADT1|MCM|20261125101530-0600||ACK^A01^ACK|PS-42|P|2.5.1\r"
                + "MSA|AA|MSG00001\r");
  }

  @Test
  void ae_carries_msa3_text_and_an_err_segment_from_table_0357() {
    Hl7Message ack =
        Acks.to(ADT)
            .code(AckCode.AE)
            .controlId("PS-43")
            .at(NOW)
            .text("Unknown patient")
            .error(ErrorCondition.UNKNOWN_KEY_IDENTIFIER, Acks.Severity.ERROR, "Unknown patient")
            .build();
    assertThat(ack.get("MSA-1")).isEqualTo("AE");
    assertThat(ack.get("MSA-2")).isEqualTo("MSG00001");
    assertThat(ack.get("MSA-3")).isEqualTo("Unknown patient");
    assertThat(ack.raw("ERR-3")).isEqualTo("204^Unknown key identifier^HL70357");
    assertThat(ack.get("ERR-4")).isEqualTo("E");
    assertThat(ack.get("ERR-8")).isEqualTo("Unknown patient");
    assertThat(ack.raw("ERR-1")).isEmpty(); // v2.5.1: no ELD
  }

  @ParameterizedTest
  @EnumSource(
      value = AckCode.class,
      names = {"AE", "AR", "CE", "CR"})
  void error_codes_always_get_an_err_segment(AckCode code) {
    Hl7Message ack = Acks.to(ADT).code(code).controlId("PS-44").at(NOW).build();
    assertThat(ack.get("MSA-1")).isEqualTo(code.name());
    assertThat(ack.get("ERR-3.1")).isEqualTo("207");
    assertThat(ack.get("ERR-4")).isEqualTo("E");
  }

  @Test
  void an_answer_to_a_message_with_a_byte_order_mark_is_in_its_charset_without_the_mark() {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] text =
        "MSH|^~\\&|LAB|HOSP|PS|CLINIC|20260302||ADT^A08|C1|P|2.5\rPID|1||M1^^^^MR||MÜLLER\r"
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] received = new byte[bom.length + text.length];
    System.arraycopy(bom, 0, received, 0, bom.length);
    System.arraycopy(text, 0, received, bom.length, text.length);

    Hl7Message ack =
        Acks.to(Hl7Message.parse(received)).code(AckCode.AA).controlId("PS-46").at(NOW).build();

    assertThat(ack.charset().charset()).isEqualTo(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(new String(ack.toBytes(), java.nio.charset.StandardCharsets.ISO_8859_1))
        .startsWith("MSH|^~\\&|PS|CLINIC|LAB|HOSP|");
  }

  @Test
  void enhanced_mode_commit_accept_has_no_err() {
    Hl7Message ack = Acks.to(ADT).code(AckCode.CA).controlId("PS-45").at(NOW).build();
    assertThat(ack.get("MSA-1")).isEqualTo("CA");
    assertThat(ack.segment("ERR")).isEmpty();
  }

  @Test
  void never_echoes_patient_data() {
    Hl7Message ack =
        Acks.to(ADT)
            .code(AckCode.AR)
            .controlId("PS-46")
            .at(NOW)
            .error(ErrorCondition.UNSUPPORTED_EVENT_CODE, Acks.Severity.ERROR, "A01 not accepted")
            .build();
    assertThat(ack.encode())
        .doesNotContain("JONES", "PATID1234", "123456789", "19610615", "SECURITY")
        .doesNotContain("PID", "EVN");
  }

  @Test
  void older_versions_also_get_the_eld_form_in_err_1() {
    Hl7Message v23 = Hl7Message.parse(Corpus.bytes("hl7v2/adt/mirth_adt_a01_v23.hl7"));
    Hl7Message ack = Acks.to(v23).code(AckCode.AE).controlId("PS-47").at(NOW).build();
    assertThat(ack.raw("ERR-1")).isEqualTo("^^^207&Application internal error&HL70357");
    assertThat(ack.raw("MSH-9")).isEqualTo("ACK^A01");
    assertThat(ack.get("MSA-2")).isEqualTo(v23.controlId());
  }

  @Test
  void replies_in_the_sender_delimiters_and_charset() {
    Hl7Message custom =
        Hl7Message.parse(Corpus.bytes("hl7v2/adt/hapi_segmentfinder_a24_custom_delims.hl7"));
    Hl7Message ack =
        Acks.to(custom).code(AckCode.AE).controlId("PS-48").at(NOW).text("a^b").build();
    assertThat(ack.encode()).startsWith("MSH^~|\\&^RECEIVING^200^SENDING^200M^");
    assertThat(ack.get("MSA-3")).isEqualTo("a^b");
    assertThat(ack.get("MSA-2")).isEqualTo("2003582144");
    Hl7Message latin1 = Hl7Message.parse(Corpus.bytes("hl7v2/other/node_mfn_m02_v231_fr.hl7"));
    Hl7Message ackLatin1 = Acks.to(latin1).code(AckCode.AA).controlId("1").at(NOW).build();
    assertThat(ackLatin1.get("MSH-18")).isEqualTo("8859/1");
    assertThat(ackLatin1.charset().charset()).isEqualTo(latin1.charset().charset());
  }

  @Test
  void requires_code_control_id_and_time() {
    assertThatThrownBy(() -> Acks.to(ADT).controlId("x").at(NOW).build())
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> Acks.to(ADT).code(AckCode.AA).at(NOW).build())
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> Acks.to(ADT).code(AckCode.AA).controlId("x").build())
        .isInstanceOf(NullPointerException.class);
  }
}
