package com.practicestudio.sandbox.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.practicestudio.sandbox.CernerSandbox;
import com.practicestudio.sandbox.SandboxHttp;
import com.practicestudio.sandbox.data.EncounterRecord;
import com.practicestudio.sandbox.junit.CernerSandboxConfig;
import com.practicestudio.sandbox.junit.CernerSandboxExtension;
import com.practicestudio.sandbox.junit.InjectSandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(CernerSandboxExtension.class)
@CernerSandboxConfig(shared = true)
class EncounterIT {

  @InjectSandbox CernerSandbox sandbox;

  @Test
  void the_encounter_fin_carries_type_fin_nbr_with_code_an() {
    SandboxHttp http = new SandboxHttp(sandbox);
    String token = http.systemToken("system/Encounter.read");
    EncounterRecord record = sandbox.data().encounters().get(0);
    JsonNode bundle =
        SandboxHttp.json(http.fhirGet("Encounter?patient=" + record.patientId(), token).body());
    JsonNode encounter = bundle.path("entry").get(0).path("resource");
    JsonNode fin = encounter.path("identifier").get(0);
    assertThat(fin.path("value").asText()).isEqualTo(record.fin());
    assertThat(fin.path("type").path("text").asText()).isEqualTo("FIN NBR");
    assertThat(fin.path("type").path("coding").toString())
        .contains("\"code\":\"AN\"")
        .contains("codeSet/319");
    assertThat(http.fhirGet("Encounter?status=finished", token).statusCode()).isEqualTo(400);
  }

  @Test
  void proprietary_codes_use_the_tenant_code_set_system() {
    SandboxHttp http = new SandboxHttp(sandbox);
    String token = http.systemToken("system/Encounter.read");
    EncounterRecord record = sandbox.data().encounters().get(0);
    JsonNode encounter =
        SandboxHttp.json(http.fhirGet("Encounter/" + record.encounterId(), token).body());
    assertThat(encounter.path("type").get(0).path("coding").get(0).path("system").asText())
        .isEqualTo("https://fhir.cerner.com/" + sandbox.tenant() + "/codeSet/71");
  }
}
