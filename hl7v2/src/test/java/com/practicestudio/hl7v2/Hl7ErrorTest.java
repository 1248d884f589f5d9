package com.practicestudio.hl7v2;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class Hl7ErrorTest {

  @Test
  void codes_are_unique_and_stable_in_form() {
    assertThat(Arrays.stream(Hl7Error.values()).map(Hl7Error::code))
        .doesNotHaveDuplicates()
        .allMatch(code -> code.matches("HL7-0[0-4][0-9]"), "HL7-001..HL7-049 (parser range)");
  }

  @Test
  void codes_follow_declaration_order_so_new_ones_are_appended() {
    Hl7Error[] errors = Hl7Error.values();
    for (int i = 0; i < errors.length; i++) {
      assertThat(errors[i].code()).isEqualTo(String.format("HL7-%03d", i + 1));
    }
  }

  @Test
  void exception_message_names_code_and_position_but_no_content() {
    Hl7ParseException e =
        new Hl7ParseException(Hl7Error.MISSING_MESSAGE_TYPE, 57, "message 2 of the batch");
    assertThat(e.getMessage())
        .isEqualTo("HL7-006 MSH-9 (message type) is empty (message 2 of the batch) at offset 57");
    assertThat(e.code()).isEqualTo("HL7-006");
    assertThat(e.offset()).isEqualTo(57);
  }
}
