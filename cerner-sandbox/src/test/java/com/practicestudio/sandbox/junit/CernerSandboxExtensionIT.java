package com.practicestudio.sandbox.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.practicestudio.sandbox.CernerSandbox;
import com.practicestudio.sandbox.SandboxHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(CernerSandboxExtension.class)
@CernerSandboxConfig(patients = 30, seed = 5)
class CernerSandboxExtensionIT {

  @InjectSandbox static CernerSandbox shared;
  @InjectSandbox CernerSandbox field;

  @Test
  void the_sandbox_is_injected_into_fields_and_parameters_and_is_running(CernerSandbox parameter) {
    assertThat(field).isSameAs(parameter).isSameAs(shared);
    assertThat(parameter.data().patients()).hasSize(30);
    assertThat(parameter.port()).isPositive();
    assertThat(new SandboxHttp(parameter).fhirGet("metadata", null).statusCode()).isEqualTo(200);
  }
}
