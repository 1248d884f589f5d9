package com.practicestudio.hl7.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import com.practicestudio.hl7v2.Hl7Error;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class Hl7HandlerErrorTest {

  @Test
  void codes_are_unique_in_the_handlers_range_and_apart_from_the_parsers() {
    Set<String> codes =
        Arrays.stream(Hl7HandlerError.values())
            .map(Hl7HandlerError::code)
            .collect(Collectors.toSet());
    assertThat(codes).hasSize(Hl7HandlerError.values().length);
    assertThat(codes).allMatch(c -> c.matches("HL7-1\\d\\d"));
    Set<String> parser =
        Arrays.stream(Hl7Error.values()).map(Hl7Error::code).collect(Collectors.toSet());
    assertThat(codes).doesNotContainAnyElementsOf(parser);
  }

  @Test
  void every_code_says_what_it_means() {
    assertThat(Hl7HandlerError.values()).allSatisfy(e -> assertThat(e.meaning()).isNotBlank());
  }
}
