package com.practicestudio.hl7;

import static org.assertj.core.api.Assertions.assertThat;

import com.practicestudio.hl7v2.Hl7Error;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class Hl7InterfaceErrorTest {

  @Test
  void codes_are_unique_start_at_050_and_never_collide_with_the_parser() {
    Set<String> seen = new HashSet<>();
    Arrays.stream(Hl7Error.values()).forEach(e -> seen.add(e.code()));
    for (Hl7InterfaceError e : Hl7InterfaceError.values()) {
      assertThat(e.code()).matches("HL7-\\d{3}");
      assertThat(Integer.parseInt(e.code().substring(4))).isGreaterThanOrEqualTo(50);
      assertThat(seen.add(e.code())).as("duplicate code " + e.code()).isTrue();
      assertThat(e.text()).isNotBlank();
    }
  }
}
