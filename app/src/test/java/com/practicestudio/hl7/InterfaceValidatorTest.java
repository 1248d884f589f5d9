package com.practicestudio.hl7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.practicestudio.web.InvalidRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InterfaceValidatorTest {

  private final InterfaceValidator validator = new InterfaceValidator();

  private static InterfaceInput listener(String ackMode, Long replySenderId) {
    return new InterfaceInput(
        "in-1",
        "listener",
        true,
        new InterfaceInput.Listener(
            "127.0.0.1",
            0,
            null,
            null,
            ackMode,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            replySenderId),
        null,
        null);
  }

  @Test
  void an_enhanced_listener_without_a_reply_sender_is_refused_naming_the_field() {
    InvalidRequestException refused =
        catchThrowableOfType(
            InvalidRequestException.class, () -> validator.check(listener("enhanced", null), null));

    assertThat(refused).isNotNull();
    assertThat(refused.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.field()).isEqualTo("listener.replySenderId");
              assertThat(p.message()).contains("enhanced").contains("application ACK");
            });
  }

  @ParameterizedTest(name = "ackMode {0}, reply sender {1}")
  @CsvSource({"enhanced, 7", "original, ", "original, 7", ", "})
  void other_combinations_pass(String ackMode, Long replySenderId) {
    ListenerSettings checked = validator.check(listener(ackMode, replySenderId), null).listener();

    assertThat(checked.replySenderId()).isEqualTo(replySenderId);
  }
}
