package com.practicestudio.hl7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.practicestudio.hl7v2.Hl7Message;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RuleEngineTest {

  private static final Hl7Message ADT =
      Hl7Message.parse(
          "MSH|^~\\&|CERNER|HOSP|PS|CLINIC|20261125||ADT^A08|1|P|2.5.1\r"
              + "PID|1||MRN-1^^^HOSP^MR~MRN-2^^^HOSP^PI||DOE^JANE||19800101|F\r"
              + "OBX|1|CE|CD:123||x\r"
              + "OBX|2|CE|CD:456||y\r"
              + "PV1|1|O|\"\"\r");

  private static Hl7Rule filter(int position, RuleAction action, RuleMatch match) {
    return rule(position, RuleKind.FILTER, action, match, null, null, null, null);
  }

  private static Hl7Rule transform(
      int position, RuleAction action, String target, String source, String value, String map) {
    return rule(position, RuleKind.TRANSFORM, action, RuleMatch.ANY, target, source, value, map);
  }

  private static Hl7Rule rule(
      int position,
      RuleKind kind,
      RuleAction action,
      RuleMatch match,
      String target,
      String source,
      String value,
      String map) {
    return new Hl7Rule(
        position, 1, kind, position, action, true, null, match, target, source, value, map, null, 1,
        null, null);
  }

  @ParameterizedTest(name = "{0}/{1}/{2} {3}={4} → {5}")
  @CsvSource(
      nullValues = "-",
      value = {
        // type, trigger, facility, path, value, matches
        "ADT,  -,        -,     -,     -,  true",
        "adt,  A08,      -,     -,     -,  true",
        "ADT,  'A01, A04', -,   -,     -,  false",
        "*,    -,        HOSP,  -,     -,  true",
        "-,    -,        'LAB, HOSP', -, -, true",
        "-,    -,        LAB,   -,     -,  false",
        "-,    -,        -,     PID-8, F,  true",
        "-,    -,        -,     PID-8, M,  false",
        "-,    -,        -,     PID-8, -,  true",
        "-,    -,        -,     PID-9, -,  false",
        "-,    -,        -,     PV1-3, '\"\"', true",
        "SIU,  -,        -,     -,     -,  false"
      })
  void conditions_all_have_to_hold(
      String type, String trigger, String facility, String path, String value, boolean matches) {
    assertThat(RuleEngine.matches(new RuleMatch(type, trigger, facility, path, value), ADT))
        .isEqualTo(matches);
  }

  @Test
  void the_first_matching_filter_decides_and_none_means_not_accepted() {
    var ignore = filter(1, RuleAction.IGNORE, new RuleMatch("ADT", "A08", null, "PID-8", "M"));
    var accept = filter(2, RuleAction.ACCEPT, new RuleMatch("ADT", null, null, null, null));
    var reject = filter(3, RuleAction.REJECT, RuleMatch.ANY);
    assertThat(RuleEngine.decide(List.of(ignore, accept, reject), ADT).rule()).isEqualTo(accept);
    assertThat(RuleEngine.decide(List.of(reject, accept), ADT).refusal())
        .isEqualTo(Hl7InterfaceError.REJECTED_BY_RULE);
    var none = RuleEngine.decide(List.of(ignore), ADT);
    assertThat(none.taken()).isFalse();
    assertThat(none.refusal()).isEqualTo(Hl7InterfaceError.NOT_ACCEPTED);
  }

  @Test
  void transformations_run_in_order_each_on_the_result_of_the_one_before() {
    RuleEngine.CodeTranslator codes =
        (kind, scope, system, code) ->
            kind.equals("gender") && code.equals("F") ? Optional.of("female") : Optional.empty();
    var result =
        RuleEngine.transform(
            List.of(
                transform(1, RuleAction.STRIP_PREFIX, "PID-3.1", null, "mrn-", null),
                transform(2, RuleAction.COPY, "PID-19", "PID-3(1).1", null, null),
                transform(3, RuleAction.MAP, "PID-8", null, null, "gender"),
                transform(4, RuleAction.SET, "PV1-2", null, "I", null),
                transform(5, RuleAction.CLEAR, "PID-5", null, null, null),
                transform(6, RuleAction.SET, "PID-7", null, "\"\"", null),
                transform(7, RuleAction.MAP, "OBX-3", null, null, "gender")),
            ADT,
            codes,
            "itf");
    Hl7Message m = result.message();
    assertThat(m.getAll("PID-3.1")).containsExactly("1", "2"); // every repetition
    assertThat(m.get("PID-19")).isEqualTo("1");
    assertThat(m.get("PID-8")).isEqualTo("female");
    assertThat(m.get("PV1-2")).isEqualTo("I");
    assertThat(m.raw("PID-5")).isEmpty();
    assertThat(m.isNull("PID-7")).isTrue();
    assertThat(result.steps())
        .extracting(RuleEngine.Step::fired)
        .containsExactly(true, true, true, true, true, true, false);
    assertThat(result.steps().get(6).note()).contains("2 without a mapping");
  }

  @ParameterizedTest(name = "{0} source={1} kind={2} → {3}")
  @CsvSource(
      nullValues = "-",
      value = {
        // action, sourcePath, codeMapKind, the defect
        "copy, -,     -,         needs a source field",
        "map,  -,     -,         needs a code map kind",
        "map,  -,     shoe-size, needs a code map kind",
      })
  void a_rule_saved_without_what_its_action_needs_fails_the_messages_it_matches_naming_it(
      String action, String source, String mapKind, String defect) {
    // saved before the field was required: rule id 2 (the helper uses the position as id); a map
    // rule without a kind would otherwise translate nothing and leave the field without a word
    Hl7Rule legacy =
        transform(2, RuleAction.fromWire(action).orElseThrow(), "PID-8", source, null, mapKind);
    List<Hl7Rule> rules = List.of(transform(1, RuleAction.SET, "PV1-2", null, "I", null), legacy);
    RuleEngine.CodeTranslator everything = (kind, scope, system, code) -> Optional.of("mapped");

    assertThat(legacy.defect()).isEqualTo(defect);
    assertThatThrownBy(() -> RuleEngine.transform(rules, ADT, everything, "itf"))
        .isInstanceOfSatisfying(
            RuleEngine.IncompleteRuleException.class,
            e ->
                assertThat(e.describe())
                    .isEqualTo(
                        "HL7-068 a transformation rule lacks a field it needs; fix the rule:"
                            + " transform #2 ("
                            + action
                            + "), rule 2, "
                            + defect)
                    .doesNotContain("DOE", "MRN-1"));
  }

  @Test
  void an_incomplete_rule_whose_conditions_do_not_hold_leaves_the_message_alone() {
    Hl7Rule legacy =
        rule(
            1,
            RuleKind.TRANSFORM,
            RuleAction.COPY,
            new RuleMatch("SIU", null, null, null, null),
            "PID-19",
            null,
            null,
            null);

    var result = RuleEngine.transform(List.of(legacy), ADT, NO_CODES, "itf");

    assertThat(result.steps()).extracting(RuleEngine.Step::fired).containsExactly(false);
    assertThat(result.message().encode()).isEqualTo(ADT.encode());
  }

  @Test
  void only_transformations_lacking_a_target_a_copy_source_or_a_map_kind_are_incomplete() {
    assertThat(transform(1, RuleAction.CLEAR, null, null, null, null).defect())
        .isEqualTo("needs a target field");
    assertThat(transform(1, RuleAction.MAP, "PID-8", null, null, "shoe-size").defect())
        .isEqualTo("needs a code map kind");
    assertThat(transform(1, RuleAction.MAP, "PID-8", null, null, "gender").defect()).isNull();
    assertThat(transform(1, RuleAction.COPY, "PID-19", "PID-3.1", null, null).defect()).isNull();
    assertThat(transform(1, RuleAction.SET, "PID-19", null, "\"\"", null).defect()).isNull();
    assertThat(transform(1, RuleAction.SET, "PID-19", null, "", null).defect()).isNull();
    assertThat(filter(1, RuleAction.ACCEPT, RuleMatch.ANY).defect()).isNull();
  }

  private static final RuleEngine.CodeTranslator NO_CODES =
      (kind, scope, system, code) -> Optional.empty();
}
