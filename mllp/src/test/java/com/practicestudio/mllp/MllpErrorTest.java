package com.practicestudio.mllp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class MllpErrorTest {

  @Test
  void codes_are_unique_and_shaped_MLLP_nnn() {
    List<String> codes = Arrays.stream(MllpError.values()).map(MllpError::code).toList();

    assertThat(codes).doesNotHaveDuplicates().allMatch(code -> code.matches("MLLP-\\d{3}"));
  }

  @Test
  void codes_never_change_meaning() {
    // a few pinned codes: alerts and runbooks refer to them
    assertThat(MllpError.GARBAGE_SKIPPED.code()).isEqualTo("MLLP-001");
    assertThat(MllpError.FRAME_TOO_LARGE.code()).isEqualTo("MLLP-004");
    assertThat(MllpError.READ_TIMEOUT.code()).isEqualTo("MLLP-014");
    assertThat(MllpError.ERROR_ANSWER_FAILED.code()).isEqualTo("MLLP-018");
    assertThat(MllpError.ACK_CONTROL_ID_MISMATCH.code()).isEqualTo("MLLP-039");
  }

  @Test
  void every_error_has_a_description() {
    assertThat(MllpError.values()).allMatch(e -> !e.description().isBlank());
  }
}
