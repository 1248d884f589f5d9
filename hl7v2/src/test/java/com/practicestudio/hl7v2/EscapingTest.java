package com.practicestudio.hl7v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EscapingTest {

  private static final Delimiters STANDARD = Delimiters.STANDARD;

  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      value = {
        //  encoded;            decoded (verbatim);   plain text
        "a\\F\\b;               a|b;                  a|b",
        "\\S\\\\T\\\\R\\\\E\\;  ^&~\\;                ^&~\\",
        "x\\X41\\y;             xAy;                  xAy",
        "\\X0D0A\\;             {CR}{LF};             {CR}{LF}",
        "\\X000d\\;             {CR};                 {CR}",
        "\\XC3A9\\;             é;                    é",
        "one\\.br\\two;         one\\.br\\two;        one{LF}two",
        "a\\.sp 2\\b;           a\\.sp 2\\b;          a{LF}{LF}b",
        "\\H\\bold\\N\\;        \\H\\bold\\N\\;       bold",
        "a\\Zcustom\\b;         a\\Zcustom\\b;        a\\Zcustom\\b",
        "a\\Xzz\\b;             a\\Xzz\\b;            a\\Xzz\\b",
        "a\\X1\\b;              a\\X1\\b;             a\\X1\\b",
        "trailing\\;            trailing\\;           trailing\\",
        "empty\\\\seq;          empty\\\\seq;         empty\\\\seq",
        "\\P\\;                 \\P\\;                \\P\\",
        "plain;                 plain;                plain",
      })
  void decodes_known_escapes_and_keeps_the_rest_verbatim(
      String encoded, String decoded, String plain) {
    assertThat(Escaping.unescape(encoded, STANDARD, StandardCharsets.UTF_8))
        .isEqualTo(lines(decoded));
    assertThat(
            Escaping.decode(
                encoded,
                0,
                encoded.length(),
                STANDARD,
                StandardCharsets.UTF_8,
                Escaping.Rendering.PLAIN_TEXT))
        .isEqualTo(lines(plain));
  }

  @Test
  void truncation_character_escape_decodes_when_msh2_defines_one() {
    Delimiters v27 = Delimiters.of('|', "^~\\&#", 3);
    assertThat(Escaping.unescape("50\\P\\", v27, StandardCharsets.UTF_8)).isEqualTo("50#");
    assertThat(Escaping.escape("50#", v27)).isEqualTo("50\\P\\");
  }

  @Test
  void escapes_every_delimiter_and_line_break() {
    assertThat(Escaping.escape("A|B^C&D~E\\F\r\nG", STANDARD))
        .isEqualTo("A\\F\\B\\S\\C\\T\\D\\R\\E\\E\\F\\X0D\\\\X0A\\G");
    assertThat(Escaping.escape("no delimiters", STANDARD)).isEqualTo("no delimiters");
  }

  @Test
  void escapes_with_the_message_own_delimiters() {
    Delimiters custom = Delimiters.of('^', "~|\\&", 3);
    assertThat(Escaping.escape("a^b~c|d", custom)).isEqualTo("a\\F\\b\\S\\c\\R\\d");
    assertThat(Escaping.unescape("a\\F\\b\\S\\c\\R\\d", custom, StandardCharsets.UTF_8))
        .isEqualTo("a^b~c|d");
  }

  @Test
  void cannot_escape_without_an_escape_character() {
    Delimiters noEscape = Delimiters.of('|', "^~", 3);
    assertThat(Escaping.escape("plain", noEscape)).isEqualTo("plain");
    assertThatThrownBy(() -> Escaping.escape("a^b", noEscape))
        .isInstanceOfSatisfying(
            Hl7ParseException.class, e -> assertThat(e.code()).isEqualTo("HL7-016"));
  }

  @Test
  void escape_then_unescape_gives_the_value_back() {
    String value = "Smith & Sons ^ ~ | \\ \r\n é ✓";
    assertThat(
            Escaping.unescape(Escaping.escape(value, STANDARD), STANDARD, StandardCharsets.UTF_8))
        .isEqualTo(value);
  }

  private static String lines(String text) {
    return text.replace("{CR}", "\r").replace("{LF}", "\n");
  }
}
