package com.practicestudio.hl7v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Every corpus file: messages round-trip byte for byte, non-messages are refused with a code. */
class CorpusTest {

  private static final List<String> NOT_MESSAGES =
      List.of("malformed/", "escape/", "som_eom_markers");

  static List<Path> messageFiles() {
    return Corpus.files("hl7v2").stream()
        .filter(file -> NOT_MESSAGES.stream().noneMatch(file.toString()::contains))
        .toList();
  }

  @ParameterizedTest
  @MethodSource("messageFiles")
  void every_message_encodes_back_to_its_exact_bytes(Path file) throws Exception {
    byte[] bytes = Files.readAllBytes(file);
    Hl7Batch batch = Hl7Batch.split(bytes, Hl7Batch.Options.STRICT.withComments());
    assertThat(batch.messages()).isNotEmpty();
    for (int i = 0; i < batch.messages().size(); i++) {
      Hl7Message message = batch.messages().get(i);
      byte[] encoded = message.toBytes();
      int from = batch.byteOffset(i);
      assertThat(Arrays.copyOfRange(bytes, from, from + encoded.length))
          .as("message %d of %s", i + 1, file.getFileName())
          .isEqualTo(encoded);
      assertThat(Hl7Message.parse(message.encode()).encode()).isEqualTo(message.encode());
    }
    if (batch.messages().size() == 1 && batch.envelopeSegments().isEmpty()) {
      assertThat(Hl7Message.parse(bytes).toBytes()).isEqualTo(bytes);
    }
  }

  @ParameterizedTest
  @MethodSource("messageFiles")
  void normalised_encoding_has_one_cr_per_segment_and_the_same_values(Path file) throws Exception {
    Hl7Batch batch =
        Hl7Batch.split(Files.readAllBytes(file), Hl7Batch.Options.STRICT.withComments());
    for (Hl7Message message : batch.messages()) {
      String normalised = message.encode(SegmentTerminator.CR);
      assertThat(normalised).doesNotContain("\n").endsWith("\r");
      assertThat(normalised.chars().filter(c -> c == '\r').count())
          .isEqualTo(message.segmentCount());
      assertThat(Leaves.read(Hl7Message.parse(normalised))).isEqualTo(Leaves.read(message));
    }
  }

  @ParameterizedTest
  @CsvSource({
    "malformed/ti_empty.hl7, HL7-001",
    "malformed/ti_msh_missing_msh9.hl7, HL7-006",
    "malformed/nhapi_fuzz_many_empty_fields, HL7-003",
    // a junk segment (control char + "AA") follows an MSH whose MSH-9 "^A" has no type either
    "malformed/nhapi_fuzz_hang1, HL7-007",
    "adt/mirth_adt_a04_v231_som_eom_markers.txt, HL7-002",
  })
  void malformed_files_are_refused_with_a_stable_code(String file, String code) {
    byte[] bytes = Corpus.bytes("hl7v2/" + file);
    assertThatThrownBy(() -> Hl7Message.parse(bytes))
        .isInstanceOfSatisfying(Hl7ParseException.class, e -> assertThat(e.code()).isEqualTo(code));
  }

  @ParameterizedTest
  @CsvSource({
    "malformed/ti_empty.hl7, HL7-001",
    "malformed/nhapi_fuzz_hang1, HL7-007",
    "adt/mirth_adt_a04_v231_som_eom_markers.txt, HL7-013",
    "escape/hapi_uuencoded_raw.txt, HL7-013",
  })
  void the_batch_reader_refuses_what_is_not_hl7(String file, String code) {
    byte[] bytes = Corpus.bytes("hl7v2/" + file);
    assertThatThrownBy(() -> Hl7Batch.split(bytes))
        .isInstanceOfSatisfying(Hl7ParseException.class, e -> assertThat(e.code()).isEqualTo(code));
  }

  @org.junit.jupiter.api.Test
  void som_eom_marker_file_is_refused_with_a_reason_naming_the_markers() {
    byte[] bytes = Corpus.bytes("hl7v2/adt/mirth_adt_a04_v231_som_eom_markers.txt");
    assertThatThrownBy(() -> Hl7Batch.split(bytes))
        .hasMessageContaining("[SOM]/[EOM] text markers")
        .hasMessageContaining("at offset 0");
  }

  @org.junit.jupiter.api.Test
  void a_message_with_a_non_numeric_nm_value_parses_and_the_typed_read_refuses_it() {
    Hl7Message message =
        Hl7Message.parse(Corpus.bytes("hl7v2/malformed/ti_orm_obx5_not_numeric.hl7"));
    assertThat(message.get("OBX-2")).isEqualTo("NM");
    assertThatThrownBy(() -> message.decimal("OBX-5"))
        .isInstanceOfSatisfying(
            Hl7ParseException.class, e -> assertThat(e.code()).isEqualTo("HL7-012"))
        .hasMessageNotContaining("NOVALUE");
  }

  @org.junit.jupiter.api.Test
  void escaped_payload_decodes_to_the_raw_payload_and_back() {
    String escaped =
        new String(Corpus.bytes("hl7v2/escape/hapi_uuencoded_escaped.txt"), StandardCharsets.UTF_8);
    // the raw file has LF line ends; the escaped one spells each as \X0D\\X0A\
    String raw =
        new String(Corpus.bytes("hl7v2/escape/hapi_uuencoded_raw.txt"), StandardCharsets.UTF_8)
            .replace("\n", "\r\n");
    assertThat(Escaping.unescape(escaped, Delimiters.STANDARD, StandardCharsets.UTF_8))
        .isEqualTo(raw);
    assertThat(Escaping.escape(raw, Delimiters.STANDARD)).isEqualTo(escaped);
  }
}
