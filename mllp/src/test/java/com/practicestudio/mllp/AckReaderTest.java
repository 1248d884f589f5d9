package com.practicestudio.mllp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AckReaderTest {
  // MSH-1 field separator '|', MSH-9 ACK, MSH-10 the ACK's own control id
  static final String MSH = "MSH|^~\\&|PS|PS|CERNER|H|20261125||ACK^A08|ACK1|P|2.3";

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = ';',
      textBlock =
          """
          # case                                   ; answer (\\r, \\n written out)                         ; code ; control id
          application accept                       ; MSH\\rMSA|AA|C1                                       ; AA   ; C1
          application error with a text           ; MSH\\rMSA|AE|C1|patient not found\\r                  ; AE   ; C1
          application reject                       ; MSH\\rMSA|AR|C1\\rERR|^^^207\\r                       ; AR   ; C1
          commit accept (enhanced mode)            ; MSH\\rMSA|CA|C1\\r                                    ; CA   ; C1
          commit error                             ; MSH\\rMSA|CE|C1\\r                                    ; CE   ; C1
          commit reject                            ; MSH\\rMSA|CR|C1\\r                                    ; CR   ; C1
          segments ending in LF                    ; MSH\\nMSA|AA|C1\\n                                    ; AA   ; C1
          segments ending in CRLF                  ; MSH\\r\\nMSA|AA|C1\\r\\n                              ; AA   ; C1
          a leading line break                     ; \\nMSH\\rMSA|AA|C1\\r                                 ; AA   ; C1
          another field separator, taken from MSH-1 ; MSH#^~\\&#PS\\rMSA#AA#C1#done\\r                     ; AA   ; C1
          an empty control id                      ; MSH\\rMSA|AA\\r                                       ; AA   ; ''
          MSA after other segments                 ; MSH\\rSFT|x\\rMSA|AA|C1\\r                            ; AA   ; C1
          """)
  void reads_MSA_1_and_MSA_2(String name, String answer, AckCode code, String controlId)
      throws MllpException {
    Ack ack = AckReader.read(bytes(answer));

    assertThat(ack.code()).isEqualTo(code);
    assertThat(ack.controlId()).isEqualTo(controlId);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = ';',
      textBlock =
          """
          # case                                ; answer                                ; error
          empty                                 ; ''                                    ; ACK_WITHOUT_MSH
          not HL7                               ; hello                                 ; ACK_WITHOUT_MSH
          MSH too short for a separator         ; MSH                                   ; ACK_WITHOUT_MSH
          no MSA                                ; MSH\\rERR|x\\r                        ; ACK_WITHOUT_MSA
          MSA only inside another segment       ; MSH\\rNTE|MSA|AA|C1\\r                ; ACK_WITHOUT_MSA
          MSA-1 not a known code                ; MSH\\rMSA|OK|C1\\r                    ; ACK_CODE_UNKNOWN
          MSA-1 in lower case                   ; MSH\\rMSA|aa|C1\\r                    ; ACK_CODE_UNKNOWN
          MSA-1 empty                           ; MSH\\rMSA||C1\\r                      ; ACK_CODE_UNKNOWN
          MSA split by another separator        ; MSH#^~\\&\\rMSA|AA|C1\\r              ; ACK_WITHOUT_MSA
          """)
  void refuses_answers_that_are_no_acknowledgment(String name, String answer, MllpError error) {
    assertThatThrownBy(() -> AckReader.read(bytes(answer)))
        .isInstanceOfSatisfying(MllpException.class, e -> assertThat(e.error()).isEqualTo(error))
        .hasMessageStartingWith(error.code());
  }

  @Test
  void checks_that_MSA_2_is_our_control_id() throws MllpException {
    byte[] answer = bytes("MSH\\rMSA|AA|C1\\r");

    assertThat(AckReader.check(answer, "C1").accepted()).isTrue();
    assertThatThrownBy(() -> AckReader.check(answer, "C2"))
        .isInstanceOfSatisfying(
            MllpException.class,
            e -> assertThat(e.error()).isEqualTo(MllpError.ACK_CONTROL_ID_MISMATCH))
        .hasMessageContaining("'C2'")
        .hasMessageContaining("'C1'");
  }

  @Test
  void negative_acknowledgments_are_answers_not_errors() throws MllpException {
    Ack ack = AckReader.check(bytes("MSH\\rMSA|AE|C1\\r"), "C1");

    assertThat(ack.accepted()).isFalse();
    assertThat(ack.toString()).doesNotContain("MSH");
  }

  @Test
  void reads_a_real_ack_from_the_corpus() throws MllpException {
    // segments end in LF; MSA-2 echoes a GUID control id
    Ack ack =
        AckReader.check(
            Corpus.bytes("hl7v2/other/ti_Natus_ACK.hl7"), "0A173B79-D7AC-444F-99E7-C96B4A68B188");

    assertThat(ack.code()).isEqualTo(AckCode.AA);
  }

  /** "MSH" alone stands for the whole MSH segment with '|' as separator. */
  private static byte[] bytes(String text) {
    String expanded = text.replace("\\r", "\r").replace("\\n", "\n");
    if (expanded.startsWith("MSH\r") || expanded.startsWith("MSH\n")) {
      expanded = MSH + expanded.substring(3);
    } else if (expanded.startsWith("\nMSH\r")) {
      expanded = "\n" + MSH + expanded.substring(4);
    }
    return expanded.getBytes(StandardCharsets.UTF_8);
  }
}
