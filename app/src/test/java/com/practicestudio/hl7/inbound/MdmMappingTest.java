package com.practicestudio.hl7.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.practicestudio.clinical.DocumentType;
import com.practicestudio.hl7v2.Segment;
import com.practicestudio.journal.ExchangeFailure;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** TXA type and status, and ED contents, one row per case. */
class MdmMappingTest {

  private static final String MSH = "MSH|^~\\&|||||||MDM^T02|1|P|2.5\n";

  static Stream<Arguments> types() {
    return Stream.of(
        // TXA-2 document type (HL7 table 0270) → LOINC document code
        Arguments.of("TXA|1|DS", "18842-5"),
        Arguments.of("TXA|1|HP", "34117-2"),
        Arguments.of("TXA|1|CN^Consultation", "11488-4"),
        Arguments.of("TXA|1|DI", "18748-4"),
        Arguments.of("TXA|1|PR", "11506-3"),
        // a LOINC code sent as such is kept
        Arguments.of("TXA|1|11506-3^Progress note^LN", "11506-3"),
        // Cerner sends the LOINC code bare
        Arguments.of("TXA|1|18842-5", "18842-5"),
        // anything else: summary of episode note
        Arguments.of("TXA|1|ZZ", "34133-9"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("types")
  void maps_txa2_to_a_loinc_document_type(String txa, String loinc) {
    DocumentType type = MdmT02Handler.type(segment(txa));
    assertThat(type.code()).isEqualTo(loinc);
  }

  @Test
  void txa19_availability_gives_the_status() {
    assertThat(MdmT02Handler.status(segment("TXA|1|DS" + "|".repeat(17) + "AV")))
        .isEqualTo("current");
    assertThat(MdmT02Handler.status(segment("TXA|1|DS" + "|".repeat(17) + "CA")))
        .isEqualTo("entered-in-error");
    assertThat(MdmT02Handler.status(segment("TXA|1|DS" + "|".repeat(17) + "OB")))
        .isEqualTo("superseded");
  }

  static Stream<Arguments> contents() {
    return Stream.of(
        // ^application^pdf^Base64^data
        Arguments.of(
            "OBX|1|ED|X||^application^pdf^Base64^JVBERi0xLjQ=", "application/pdf", "%PDF-1.4"),
        // ^TEXT^html^Base64^data (Natus newborn screening report)
        Arguments.of("OBX|1|ED|X||^TEXT^html^Base64^PGh0bWw+", "text/html", "<html>"),
        // Hex encoding
        Arguments.of("OBX|1|ED|X||^text^plain^Hex^6869", "text/plain", "hi"),
        // plain text (A)
        Arguments.of("OBX|1|ED|X||^TX^plain^A^hello", "text/plain", "hello"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("contents")
  void decodes_an_ed_value(String obx, String type, String content) {
    EdContent ed = EdContent.read(segment(obx), "OBX-5");
    assertThat(ed.contentType()).isEqualTo(type);
    assertThat(new String(ed.bytes(), StandardCharsets.UTF_8)).isEqualTo(content);
  }

  @Test
  void an_ed_without_data_or_with_bad_base64_is_refused_naming_the_field() {
    assertThatThrownBy(
            () -> EdContent.read(segment("OBX|2|ED|X||^application^pdf^Base64^"), "OBX-5"))
        .isInstanceOfSatisfying(
            ExchangeFailure.class,
            f ->
                assertThat(f.code() + " " + f.text())
                    .isEqualTo("HL7-109 OBX-5.5 (ED data) is empty"));
    assertThatThrownBy(
            () -> EdContent.read(segment("OBX|2|ED|X||^application^pdf^Base64^*not*"), "OBX-5"))
        .isInstanceOfSatisfying(
            ExchangeFailure.class,
            f -> assertThat(f.text()).isEqualTo("OBX-5.5 (ED data) is not valid Base64"));
    assertThatThrownBy(() -> EdContent.read(segment("OBX|2|ED|X||^application^pdf^UU^x"), "OBX-5"))
        .isInstanceOfSatisfying(
            ExchangeFailure.class,
            f -> assertThat(f.text()).isEqualTo("OBX-5.4 (ED encoding) is not Base64, Hex or A"));
  }

  private static Segment segment(String line) {
    return TestInbound.message(MSH + line).segment(line.substring(0, 3)).orElseThrow();
  }
}
