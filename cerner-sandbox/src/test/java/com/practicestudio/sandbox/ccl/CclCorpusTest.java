package com.practicestudio.sandbox.ccl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.practicestudio.sandbox.Corpus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The public CCL scripts of the corpus are whole programs (declarations, records, subroutines,
 * report writer): none lies wholly inside the subset, so each must stop at its first construct
 * outside it, with that construct's line and column — after the program wrapper, comments
 * (including {@code /** ... *}{@code /} doc blocks and {@code ;;;} lines) were read correctly.
 */
class CclCorpusTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      ccl-testing_all_sub_types.prg            | 14:5  | unsupported construct DECLARE
      ccl-testing_cclut_simple_math.prg        | 19:1  | unsupported construct IF
      ccl-testing_j4ccl_ccllikeoutput.prg      | 8:3   | unsupported construct DECLARE
      ccl-testing_normal_script.prg            | 12:5  | unsupported construct DECLARE
      ccl-testing_whitenoise_sample_script.prg | 11:5  | unsupported construct DECLARE
      cclunit_basic_example.inc                | 8:1   | unsupported construct SUBROUTINE
      cclunit_ut_cclut_cc_exclusions.prg       | 6:3   | unsupported construct PROMPT
      """)
  void each_corpus_script_stops_at_its_first_unsupported_construct(
      String file, String position, String message) throws Exception {
    String text = new String(Corpus.bytes("ccl/" + file), StandardCharsets.UTF_8);
    CclException error = catchThrowableOfType(CclException.class, () -> CclParser.parse(text));
    assertThat(error).isNotNull();
    assertThat(error.kind()).isEqualTo(CclException.Kind.UNSUPPORTED);
    assertThat(error.pos()).hasToString(position);
    assertThat(error.detail()).isEqualTo(message);
  }

  @Test
  void the_table_above_covers_every_corpus_script() {
    List<String> files =
        Corpus.files("ccl").stream().map(Path::getFileName).map(Path::toString).toList();
    assertThat(files)
        .containsExactlyInAnyOrder(
            "ccl-testing_all_sub_types.prg",
            "ccl-testing_cclut_simple_math.prg",
            "ccl-testing_j4ccl_ccllikeoutput.prg",
            "ccl-testing_normal_script.prg",
            "ccl-testing_whitenoise_sample_script.prg",
            "cclunit_basic_example.inc",
            "cclunit_ut_cclut_cc_exclusions.prg");
  }
}
