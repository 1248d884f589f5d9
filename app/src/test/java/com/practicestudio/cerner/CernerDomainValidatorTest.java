package com.practicestudio.cerner;

import static org.assertj.core.api.Assertions.assertThat;

import com.practicestudio.web.FieldProblem;
import com.practicestudio.web.InvalidRequestException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CernerDomainValidatorTest {

  static CernerDomainInput.Builder valid() {
    return CernerDomainInput.builder()
        .name("prod")
        .fhirRoot("https://fhir-ehr.cerner.com/r4/ec2458f2-1e24-41c8-b71b-0e701af7583d")
        .systemAccount("svc", "s3cret")
        .scopes(List.of("system/Patient.read system/Slot.rs", "system/Patient.read"))
        .timeZone("America/Chicago");
  }

  @Test
  void a_valid_input_is_normalised() {
    DomainValues values =
        CernerDomainValidator.check(
            valid()
                .fhirRoot("https://fhir-ehr.cerner.com/r4/ec2458f2-1e24-41c8-b71b-0e701af7583d//")
                .build());

    assertThat(values.fhirRoot())
        .isEqualTo("https://fhir-ehr.cerner.com/r4/ec2458f2-1e24-41c8-b71b-0e701af7583d");
    assertThat(values.scopes()).containsExactly("system/Patient.read", "system/Slot.rs");
    assertThat(values.clientAuth()).isEqualTo(ClientAuthMethod.CLIENT_SECRET_BASIC);
    assertThat(values.millenniumVersion()).isEqualTo(MillenniumVersion.V2020_PLUS);
    assertThat(values.enabled()).isTrue();
    assertThat(values.toString()).doesNotContain("s3cret");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://fhir-ehr.cerner.com",
        "https://fhir-ehr.cerner.com/",
        "fhir-ehr.cerner.com/r4/t",
        "https://fhir-ehr.cerner.com/r4/t?x=1",
        "https://user@fhir-ehr.cerner.com/r4/t",
        "mailto:a@b.c"
      })
  void a_fhir_root_needs_http_a_host_and_the_tenant_path(String root) {
    assertThat(fields(valid().fhirRoot(root).build())).containsExactly("fhirRoot");
  }

  @Test
  void smart_scopes_need_a_smart_client_and_services_need_a_base_url() {
    CernerDomainInput input =
        valid()
            .smartApp(null, null, List.of("launch patient/Patient.read"))
            .millennium(null, List.of("person-search"), "2018")
            .build();

    assertThat(fields(input)).containsExactlyInAnyOrder("smartClientId", "millenniumBaseUrl");
  }

  @Test
  void blank_secrets_mean_keep_the_stored_one() {
    DomainValues values = CernerDomainValidator.check(valid().systemAccount("svc", "  ").build());
    assertThat(values.clientSecret()).isNull();
  }

  @Test
  void the_input_never_prints_its_secrets() {
    assertThat(valid().smartApp("app", "app-secret", List.of()).build().toString())
        .doesNotContain("s3cret", "app-secret");
  }

  private static List<String> fields(CernerDomainInput input) {
    try {
      CernerDomainValidator.check(input);
    } catch (InvalidRequestException e) {
      return e.problems().stream().map(FieldProblem::field).toList();
    }
    throw new AssertionError("expected a 400");
  }
}
