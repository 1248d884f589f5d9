package com.practicestudio.cerner;

import static org.assertj.core.api.Assertions.assertThat;

import com.practicestudio.web.FieldChecks;
import com.practicestudio.web.FieldProblem;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SmartScopesTest {

  static final Discovery SERVER =
      new Discovery(
          null,
          null,
          "https://auth/token",
          null,
          null,
          null,
          List.of("system/Slot.rs"),
          null,
          null,
          Map.of(
              "Patient", List.of("read", "search-type"),
              "Observation", List.of("read", "search-type", "create")),
          Instant.EPOCH,
          Instant.EPOCH,
          null,
          null);

  @Test
  void v1_and_v2_resource_scopes_parse_to_permissions() {
    assertThat(SmartScopes.resource("system/Patient.read").orElseThrow().permissions())
        .containsExactlyInAnyOrder('r', 's');
    assertThat(SmartScopes.resource("patient/Observation.write").orElseThrow().permissions())
        .containsExactlyInAnyOrder('c', 'u', 'd');
    assertThat(SmartScopes.resource("user/Appointment.cu").orElseThrow().permissions())
        .containsExactlyInAnyOrder('c', 'u');
    assertThat(SmartScopes.resource("system/Patient.rs?identifier=x").orElseThrow().type())
        .isEqualTo("Patient");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "system/*.read",
        "system/Patient.*",
        "Patient.read",
        "system/Patient.sr",
        "system/Patient."
      })
  void malformed_or_wildcard_scopes_are_not_resource_scopes(String scope) {
    assertThat(SmartScopes.resource(scope)).isEmpty();
  }

  @Test
  void a_system_account_takes_only_system_scopes_of_offered_resources() {
    List<FieldProblem> problems =
        check(
            List.of(
                "system/Patient.read",
                "system/Slot.rs",
                "system/Observation.write",
                "patient/Patient.read",
                "launch",
                "system/Condition.read",
                "system/*.read",
                "made-up"),
            true);

    assertThat(problems).hasSize(1);
    assertThat(problems.get(0).field()).isEqualTo("scopes");
    assertThat(problems.get(0).message())
        .contains(
            "patient/Patient.read is not a system/ scope",
            "launch is a SMART launch scope",
            "offers no Condition",
            "system/*.read is a wildcard",
            "made-up is not a SMART scope")
        .doesNotContain("system/Patient.read ", "system/Slot.rs", "system/Observation.write");
  }

  @Test
  void writes_on_a_read_only_resource_are_refused() {
    assertThat(check(List.of("system/Patient.write"), true).get(0).message())
        .contains("offers no write on Patient");
  }

  @Test
  void a_smart_app_takes_launch_scopes_and_user_or_patient_scopes() {
    assertThat(
            check(
                List.of(
                    "launch",
                    "openid",
                    "fhirUser",
                    "offline_access",
                    "patient/Patient.read",
                    "user/Observation.rs"),
                false))
        .isEmpty();
    assertThat(check(List.of("system/Patient.read"), false).get(0).message())
        .contains("SMART apps use patient/ or user/");
  }

  @Test
  void without_a_capability_statement_only_the_form_is_checked() {
    FieldChecks checks = new FieldChecks();
    SmartScopes.check(checks, "scopes", List.of("system/Condition.read"), true, Discovery.none());
    assertThat(checks.ok()).isTrue();
  }

  @Test
  void splitting_drops_duplicates_and_blanks() {
    assertThat(SmartScopes.split("  launch  openid launch ")).containsExactly("launch", "openid");
    assertThat(SmartScopes.split(null)).isEmpty();
    assertThat(Set.copyOf(SmartScopes.LAUNCH_SCOPES)).contains("launch/patient", "online_access");
  }

  private static List<FieldProblem> check(List<String> scopes, boolean system) {
    FieldChecks checks = new FieldChecks();
    SmartScopes.check(checks, "scopes", scopes, system, SERVER);
    return checks.problems();
  }
}
