package com.practicestudio.hl7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.practicestudio.hl7.ApplicationAckRule.Ack;
import com.practicestudio.hl7.ApplicationAckRule.Marker;
import com.practicestudio.hl7.ApplicationAckRule.Mode;
import com.practicestudio.hl7.ApplicationAckRule.Step;
import com.practicestudio.journal.ExchangeStatus;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApplicationAckRuleTest {

  @ParameterizedTest(name = "MSH-16 {0}, row {1}: send {2}, then owe {3}")
  @CsvSource({
    // mode, outcome,  ack,  still owed (mode, or - for nothing)
    "AL, APPLIED,   AA,   -",
    "AL, IGNORED,   AA,   -",
    "AL, FAILED,    AE,   SU", // AE now; AA if a reprocess applies it
    "AL, DISCARDED, AE,   -",
    "ER, APPLIED,   NONE, -",
    "ER, IGNORED,   NONE, -",
    "ER, FAILED,    AE,   -",
    "ER, DISCARDED, AE,   -",
    "SU, APPLIED,   AA,   -",
    "SU, IGNORED,   AA,   -",
    "SU, FAILED,    NONE, SU", // waits for a reprocess to succeed
    "SU, DISCARDED, NONE, -",
  })
  void each_outcome_sends_what_msh16_asks_for_and_keeps_owing_what_a_reprocess_may_still_earn(
      Mode mode, ExchangeStatus outcome, Ack ack, String owed) {
    Step step = ApplicationAckRule.step(new Marker(mode, 42), outcome);

    assertThat(step.ack()).isEqualTo(ack);
    if (owed.equals("-")) {
      assertThat(step.next()).isNull();
    } else {
      assertThat(step.next()).isEqualTo(new Marker(Mode.valueOf(owed), 42));
    }
  }

  @Test
  void al_failed_then_reprocessed_gets_one_ae_then_one_aa_and_nothing_for_a_second_failure() {
    Step failed = ApplicationAckRule.step(new Marker(Mode.AL, 7), ExchangeStatus.FAILED);
    // the journal does not hand the row back while it stays FAILED; a reprocess that fails
    // again ends FAILED again, which the rule answers from the marker it left: no second AE
    Step failedAgain = ApplicationAckRule.step(failed.next(), ExchangeStatus.FAILED);
    Step applied = ApplicationAckRule.step(failedAgain.next(), ExchangeStatus.APPLIED);

    assertThat(failed.ack()).isEqualTo(Ack.AE);
    assertThat(failedAgain.ack()).isEqualTo(Ack.NONE);
    assertThat(applied.ack()).isEqualTo(Ack.AA);
    assertThat(applied.next()).isNull();
  }

  @Test
  void a_failed_al_row_that_is_then_discarded_gets_no_second_ae() {
    Step failed = ApplicationAckRule.step(new Marker(Mode.AL, 7), ExchangeStatus.FAILED);

    Step discarded = ApplicationAckRule.step(failed.next(), ExchangeStatus.DISCARDED);

    assertThat(discarded.ack()).isEqualTo(Ack.NONE);
    assertThat(discarded.next()).isNull();
  }

  @Test
  void a_row_still_waiting_is_no_outcome() {
    assertThatThrownBy(
            () -> ApplicationAckRule.step(new Marker(Mode.AL, 1), ExchangeStatus.RECEIVED))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @CsvSource({"AL, 1", "ER, 922337203685477580", "SU, 12"})
  void a_marker_reads_back_as_written(Mode mode, long sender) {
    Marker marker = new Marker(mode, sender);

    assertThat(marker.encode()).startsWith(Marker.PREFIX);
    assertThat(Marker.parse(marker.encode())).contains(marker);
  }

  @ParameterizedTest
  @CsvSource(
      value = {
        "NULL",
        "''",
        "other-channel:AL:1",
        "hl7-application-ack:NE:1",
        "hl7-application-ack:AL:",
        "hl7-application-ack:AL:x1",
        "hl7-application-ack:AL:1:2"
      },
      nullValues = "NULL")
  void a_marker_this_rule_did_not_write_is_not_read(String stored) {
    assertThat(Marker.parse(stored)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      value = {"AL, AL", "ER, ER", "SU, SU", "NE, NULL", "'', NULL", "NULL, NULL"},
      nullValues = "NULL")
  void msh16_ne_or_empty_asks_for_no_application_ack(String msh16, Mode expected) {
    assertThat(Mode.of(msh16)).isEqualTo(Optional.ofNullable(expected));
  }
}
