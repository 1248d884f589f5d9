package com.practicestudio.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.practicestudio.web.FieldChecks;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChargeCodesTest {

  @ParameterizedTest(name = "{0} with system {1} → {2}")
  @CsvSource(
      value = {
        "99213, , CPT",
        "0001F, , CPT",
        "0042T, CPT, CPT",
        "B4152, , HCPCS",
        "J1100, hcpcs, HCPCS",
        "99213, HCPCS, ",
        "B4152, CPT, ",
        "W1234, , ",
        "9921, , ",
        "99213, ICD, "
      },
      nullValues = "")
  void procedure_codes_are_cpt_or_hcpcs(String code, String given, String system) {
    FieldChecks checks = new FieldChecks();
    assertThat(ChargeCodes.codeSystem(checks, code, given)).isEqualTo(system);
    assertThat(checks.ok()).isEqualTo(system != null);
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      value = {"E11.9, E11.9", "e119, E11.9", "I10, I10", "S72.001A, S72.001A", "U07.1, ", "123, "},
      nullValues = "")
  void diagnoses_are_icd10_cm_and_come_out_dotted(String given, String expected) {
    FieldChecks checks = new FieldChecks();
    List<String> codes = ChargeCodes.diagnoses(checks, List.of(given));
    if (expected == null) {
      assertThat(checks.problems()).extracting(p -> p.field()).containsExactly("diagnosisCodes[0]");
    } else {
      assertThat(codes).containsExactly(expected);
    }
  }

  @ParameterizedTest(name = "{0} × {1} = {2}")
  @CsvSource({
    "1.00, 10.05, 10.05",
    "1.50, 10.05, 15.08", // 15.075 rounds half up
    "3.00, 33.33, 99.99",
    "0.25, 0.10, 0.03", // 0.025 rounds half up
    "2.00, 0.00, 0.00"
  })
  void extended_amounts_round_half_up_to_the_cent(
      BigDecimal quantity, BigDecimal unit, String amount) {
    assertThat(ChargeService.extend(quantity, unit)).hasToString(amount);
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      value = {"12.5, 12.50", "12, 12.00", "12.345, ", "12.3400, 12.34"},
      nullValues = "")
  void money_keeps_two_decimals_and_refuses_more(BigDecimal given, String expected) {
    FieldChecks checks = new FieldChecks();
    BigDecimal money = checks.money("amount", given);
    if (expected == null) {
      assertThat(checks.has("amount")).isTrue();
    } else {
      assertThat(money).hasToString(expected);
    }
  }
}
