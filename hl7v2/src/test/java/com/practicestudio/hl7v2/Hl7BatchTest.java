package com.practicestudio.hl7v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Hl7BatchTest {

  private static final String MSG_A = "MSH|^~\\&|A||||||ADT^A01|1|P|2.3\rPID|1\r";
  private static final String MSG_B = "MSH|^~\\&|A||||||ADT^A08|2|P|2.3\rPID|2\r";

  @Test
  void splits_back_to_back_messages() {
    Hl7Batch batch = Hl7Batch.split(Corpus.bytes("hl7v2/batch/mirth_batch_siu_x3.hl7"));
    assertThat(batch.messages())
        .extracting(Hl7Message::triggerEvent)
        .containsExactly("S12", "S14", "S15");
    assertThat(batch.messages().get(2).get("RGS-2")).isEqualTo("C");
    assertThat(batch.envelopeSegments()).isEmpty();
  }

  @Test
  void reads_the_fhs_bhs_envelope_and_checks_its_counts() {
    Hl7Batch batch = Hl7Batch.split(Corpus.bytes("hl7v2/batch/rs_batch_fhs_bhs.hl7"));
    assertThat(batch.messages()).hasSize(2);
    assertThat(batch.envelopeSegments())
        .extracting(Segment::name)
        .containsExactly("FHS", "BHS", "BTS", "FTS");
    assertThat(batch.fileHeader().orElseThrow().get(3, 1, 2, 1))
        .isEqualTo("2.16.840.1.114222.4.1.237821");
    assertThat(batch.batchHeader()).isPresent();
  }

  @Test
  void cr_only_file_with_blank_lines_between_messages() {
    Hl7Batch batch = Hl7Batch.split(Corpus.bytes("hl7v2/batch/hapi_example_oml_o21_x13.hl7"));
    assertThat(batch.messages()).hasSize(13);
    assertThat(batch.messages().get(0).controlId()).isEqualTo("msgOP123");
  }

  @Test
  void comments_are_refused_unless_allowed() {
    byte[] bytes = Corpus.bytes("hl7v2/batch/hapi_util_messages_commented.txt");
    assertThatThrownBy(() -> Hl7Batch.split(bytes))
        .isInstanceOfSatisfying(
            Hl7ParseException.class, e -> assertThat(e.code()).isEqualTo("HL7-013"));
    assertThat(Hl7Batch.split(bytes, Hl7Batch.Options.STRICT.withComments()).messages())
        .hasSize(18);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      value = {
        "FHS|^~\\&{CR}BHS|^~\\&{CR}{A}{B}BTS|1{CR}FTS|1{CR}; HL7-015",
        "FHS|^~\\&{CR}BHS|^~\\&{CR}{A}{B}BTS|2{CR}FTS|2{CR}; HL7-015",
        "BHS|^~\\&{CR}{A}BTS|x{CR}; HL7-015",
        "BHS|^~\\&{CR}{A}BTS|1{CR}{B}; HL7-014",
        "{A}BTS|1{CR}; HL7-014",
        "BHS|^~\\&{CR}BHS|^~\\&{CR}{A}; HL7-014",
        "BHS|^~\\&{CR}{A}BTS|1{CR}FTS|1{CR}{B}; HL7-014",
        "{A}FHS|^~\\&{CR}; HL7-014",
        "junk{CR}{A}; HL7-013",
        "{CR}{LF}; HL7-001",
        "{A}MSH|^~\\&|A{CR}; HL7-006",
      })
  void refuses_broken_envelopes(String file, String code) {
    byte[] bytes = bytes(file);
    assertThatThrownBy(() -> Hl7Batch.split(bytes))
        .isInstanceOfSatisfying(Hl7ParseException.class, e -> assertThat(e.code()).isEqualTo(code));
  }

  @Test
  void counts_are_not_checked_when_told_not_to() {
    byte[] bytes = bytes("BHS|^~\\&{CR}{A}{B}BTS|7{CR}");
    Hl7Batch batch = Hl7Batch.split(bytes, new Hl7Batch.Options(false, false));
    assertThat(batch.messages()).hasSize(2);
  }

  @Test
  void reads_from_a_stream_and_keeps_offsets() throws Exception {
    byte[] bytes = bytes("{A}\n{B}");
    Hl7Batch batch = Hl7Batch.read(new ByteArrayInputStream(bytes), Hl7Batch.Options.STRICT);
    assertThat(batch.messages()).hasSize(2);
    assertThat(batch.byteOffset(1)).isEqualTo(MSG_A.length() + 1);
    assertThat(batch.messages().get(0).encode()).isEqualTo(MSG_A + "\n");
  }

  @Test
  void an_error_in_one_message_names_the_message_and_file_offset() {
    byte[] bytes = bytes("{A}MSH|^~\\&|A{CR}");
    assertThatThrownBy(() -> Hl7Batch.split(bytes))
        .hasMessageContaining("message 2 of the batch")
        .isInstanceOfSatisfying(
            Hl7ParseException.class,
            e -> assertThat(e.offset()).isGreaterThanOrEqualTo(MSG_A.length()));
  }

  private static byte[] bytes(String template) {
    return template
        .replace("{A}", MSG_A)
        .replace("{B}", MSG_B)
        .replace("{CR}", "\r")
        .replace("{LF}", "\n")
        .getBytes(StandardCharsets.US_ASCII);
  }
}
