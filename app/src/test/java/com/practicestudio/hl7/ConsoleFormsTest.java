package com.practicestudio.hl7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.practicestudio.web.FieldProblem;
import com.practicestudio.web.InvalidRequestException;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The console's rule form as the API sees it: above all a {@code set} rule's explicit null. */
class ConsoleFormsTest {

  private static final String HL7_NULL = "\"\"";

  @ParameterizedTest(name = "action {0}, value box [{1}], HL7 null ticked {2} → value [{3}]")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        // the box ticked writes HL7's explicit null, as the API's value "" (two quotes) does
        "set | -     | true  | \"\"",
        "set | ''    | true  | \"\"",
        "set | \"\"  | true  | \"\"",
        // typing the two quotes is the same explicit null, as in the API
        "set | \"\"  | -     | \"\"",
        "set | E     | false | E",
        // an empty box stays missing: the API then says "value is required"
        "set | ''    | -     | -",
        "strip-prefix | MRN- | - | MRN-",
      })
  void the_value_posted_becomes_the_apis_value(
      String action, String box, Boolean hl7Null, String expected) {
    assertThat(form(action, box, hl7Null).input().value()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "value box [{0}] with set to empty ticked → value []")
  @CsvSource(
      nullValues = "-",
      value = {"-", "''"})
  void set_to_empty_ticked_writes_the_empty_value_that_blanks_the_field(String box) {
    assertThat(form("set", box, null, true).input().value()).isEmpty();
  }

  @ParameterizedTest(name = "action {0}, value box [{1}], HL7 null {2}, empty {3} → {4} refused")
  @CsvSource(
      nullValues = "-",
      value = {
        "set,          E,    -,    true, value",
        "set,          '',   true, true, emptyValue",
        "strip-prefix, MRN-, -,    true, emptyValue",
        "clear,        -,    -,    true, emptyValue",
      })
  void set_to_empty_with_a_value_with_hl7_null_or_on_another_action_is_refused(
      String action, String box, Boolean hl7Null, Boolean empty, String field) {
    assertThatThrownBy(() -> form(action, box, hl7Null, empty).input())
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> assertThat(e.problems()).extracting(FieldProblem::field).containsExactly(field));
  }

  @ParameterizedTest(name = "action {0}, value box [{1}] with HL7 null ticked → {2} refused")
  @CsvSource({"set, E, value", "strip-prefix, MRN-, hl7Null", "clear, , hl7Null"})
  void a_ticked_hl7_null_with_a_value_or_on_another_action_is_refused(
      String action, String box, String field) {
    assertThatThrownBy(() -> form(action, box, true).input())
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> assertThat(e.problems()).extracting(FieldProblem::field).containsExactly(field));
  }

  @ParameterizedTest(name = "saved value [{0}] → box [{1}], ticked {2}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        "\"\" | - | true  | false",
        "''     | - | false | true",
        "E      | E | false | false"
      })
  void a_saved_set_rule_fills_the_edit_form_and_posting_it_back_keeps_its_value(
      String saved, String box, boolean nullTicked, boolean emptyTicked) {
    Hl7Rule rule =
        new Hl7Rule(
            7,
            1,
            RuleKind.TRANSFORM,
            1,
            RuleAction.SET,
            true,
            null,
            RuleMatch.ANY,
            "PID-19",
            null,
            saved,
            null,
            null,
            3,
            Instant.EPOCH,
            Instant.EPOCH);

    ConsoleForms.RuleForm form = ConsoleForms.RuleForm.of(rule);

    assertThat(form.value()).isEqualTo(box);
    assertThat(form.hl7Null()).isEqualTo(nullTicked);
    assertThat(form.emptyValue()).isEqualTo(emptyTicked);
    assertThat(form.input().value()).isEqualTo(saved);
  }

  private static ConsoleForms.RuleForm form(String action, String value, Boolean hl7Null) {
    return form(action, value, hl7Null, null);
  }

  private static ConsoleForms.RuleForm form(
      String action, String value, Boolean hl7Null, Boolean emptyValue) {
    return new ConsoleForms.RuleForm(
        "transform",
        null,
        action,
        true,
        null,
        null,
        null,
        null,
        null,
        null,
        "PID-19",
        null,
        value,
        hl7Null,
        emptyValue,
        null,
        null,
        null);
  }
}
