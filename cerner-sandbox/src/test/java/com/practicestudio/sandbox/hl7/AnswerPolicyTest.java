package com.practicestudio.sandbox.hl7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnswerPolicyTest {

  private final AnswerPolicy policy = new AnswerPolicy(7);

  @Test
  void accepts_everything_by_default() {
    assertThat(policy.decide("SIU", "S12")).isEqualTo(Answer.accept());
    assertThat(policy.decide("ADT", "A08")).isEqualTo(Answer.accept());
  }

  @ParameterizedTest(name = "rule {0} applies to {1}^{2}: {3}")
  @CsvSource({
    "SIU^S12, SIU, S12, true",
    "SIU^S12, SIU, S15, false",
    "SIU, SIU, S15, true",
    "SIU^*, SIU, S14, true",
    "siu_s12, SIU, S12, true",
    "ADT, SIU, S12, false"
  })
  void a_type_rule_matches_the_type_or_every_trigger_of_it(
      String rule, String type, String trigger, boolean applies) {
    policy.forType(rule, Answer.error("Locked"));
    assertThat(policy.decide(type, trigger).code())
        .isEqualTo(applies ? Answer.Code.AE : Answer.Code.AA);
  }

  @Test
  void queued_answers_come_first_and_are_used_up_in_order() {
    policy.forType("SIU", Answer.error("typed"));
    policy.next(2, Answer.reject("first")).next(1, Answer.none());
    assertThat(policy.decide("ADT", "A01")).isEqualTo(Answer.reject("first"));
    assertThat(policy.snapshot().next())
        .containsExactly(
            new AnswerPolicy.Next(1, Answer.reject("first")),
            new AnswerPolicy.Next(1, Answer.none()));
    assertThat(policy.decide("SIU", "S12")).isEqualTo(Answer.reject("first"));
    assertThat(policy.decide("SIU", "S12")).isEqualTo(Answer.none());
    assertThat(policy.decide("SIU", "S12")).isEqualTo(Answer.error("typed"));
    assertThat(policy.decide("ADT", "A01")).isEqualTo(Answer.accept());
  }

  @Test
  void a_rate_answers_about_that_fraction_and_is_repeatable_from_the_seed() {
    policy.rate(0.25, Answer.error("sometimes"));
    long errors =
        IntStream.range(0, 4000)
            .filter(i -> policy.decide("ADT", "A08").code() == Answer.Code.AE)
            .count();
    assertThat(errors).isBetween(850L, 1150L);
    policy.reset().rate(0.25, Answer.error("sometimes"));
    AnswerPolicy twin = new AnswerPolicy(7).rate(0.25, Answer.error("sometimes"));
    for (int i = 0; i < 100; i++) {
      assertThat(policy.decide("ADT", "A08")).isEqualTo(twin.decide("ADT", "A08"));
    }
    assertThat(new AnswerPolicy(1).rate(1, Answer.none()).decide("X", "Y"))
        .isEqualTo(Answer.none());
    assertThat(new AnswerPolicy(1).rate(0, Answer.none()).decide("X", "Y"))
        .isEqualTo(Answer.accept());
  }

  @Test
  void the_default_is_replaced_and_reset_brings_back_aa() {
    policy.always(Answer.error("down").after(Duration.ofMillis(300)));
    assertThat(policy.decide("ADT", "A04").delay()).isEqualTo(Duration.ofMillis(300));
    policy.reset();
    assertThat(policy.snapshot())
        .isEqualTo(
            new AnswerPolicy.Snapshot(
                Answer.accept(), java.util.Map.of(), java.util.List.of(), null));
  }

  @Test
  void bad_rules_are_refused() {
    assertThatThrownBy(() -> policy.next(0, Answer.accept())).hasMessageContaining("count");
    assertThatThrownBy(() -> policy.rate(1.5, Answer.accept())).hasMessageContaining("fraction");
    assertThatThrownBy(() -> policy.forType(" ", Answer.accept())).hasMessageContaining("type");
    assertThatThrownBy(() -> Answer.accept().after(Duration.ofMinutes(6)))
        .hasMessageContaining("delay");
  }
}
