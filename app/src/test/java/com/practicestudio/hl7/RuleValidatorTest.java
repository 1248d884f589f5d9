package com.practicestudio.hl7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.practicestudio.web.FieldProblem;
import com.practicestudio.web.InvalidRequestException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RuleValidatorTest {

  private final RuleValidator validator = new RuleValidator();

  @ParameterizedTest(name = "{0} target={1} source={2} value={3} → {4}")
  @CsvSource(
      nullValues = "-",
      value = {
        // action,     targetPath, sourcePath, value, the field refused
        "copy,         PID-9,      -,          -,     sourcePath",
        "copy,         PID-9,      '  ',       -,     sourcePath",
        "copy,         -,          PID-5,      -,     targetPath",
        "set,          PID-9,      -,          -,     value",
        "strip-prefix, PID-3.1,    -,          '',    value",
        "map,          PID-8,      -,          -,     codeMapKind",
      })
  void a_transformation_missing_what_its_action_needs_is_refused_naming_the_field(
      String action, String target, String source, String value, String field) {
    assertThatThrownBy(() -> validator.check(transform(action, target, source, value), null))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            refused ->
                assertThat(refused.problems())
                    .containsExactly(new FieldProblem(field, "is required")));
  }

  @ParameterizedTest(name = "{0} target={1} source={2} value={3}")
  @CsvSource(
      nullValues = "-",
      value = {
        // action,     targetPath, sourcePath, value
        "copy,         PID-9,      PID-5,      -",
        "set,          PID-9,      -,          ''",
        "strip-prefix, PID-3.1,    -,          MRN-",
      })
  void a_transformation_with_what_its_action_needs_is_accepted(
      String action, String target, String source, String value) {
    RuleValidator.Checked checked = validator.check(transform(action, target, source, value), null);

    assertThat(checked.row().action().wire()).isEqualTo(action);
    assertThat(checked.row().sourcePath()).isEqualTo(source);
  }

  private static RuleInput transform(String action, String target, String source, String value) {
    return new RuleInput(
        "transform", null, action, true, null, null, target, source, value, null, null, null);
  }
}
