package com.practicestudio.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PayloadTest {

  @Test
  void text_is_decoded_with_the_charset_the_content_type_names() {
    byte[] latin1 = "MSH|^~\\&|Müller".getBytes(StandardCharsets.ISO_8859_1);
    assertThat(new Payload(latin1, "application/hl7-v2; charset=ISO-8859-1").text())
        .endsWith("Müller");
    assertThat(new Payload("é".getBytes(StandardCharsets.UTF_8), "application/json").text())
        .isEqualTo("é");
    assertThat(
            new Payload("x".getBytes(StandardCharsets.UTF_8), "text/plain; charset=nonsense")
                .text())
        .isEqualTo("x");
    assertThat(Payload.text("Müller", "text/csv; charset=ISO-8859-1").size()).isEqualTo(6);
  }

  @ParameterizedTest
  @CsvSource({
    "application/hl7-v2, true",
    "application/fhir+json, true",
    "application/edi-x12, true",
    "text/csv, true",
    "application/pdf, false",
    "application/octet-stream, false"
  })
  void binary_content_is_told_from_text(String contentType, boolean textual) {
    assertThat(new Payload(new byte[0], contentType).textual()).isEqualTo(textual);
  }
}
