package com.practicestudio.sandbox.ccl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.practicestudio.sandbox.CernerSandbox;
import com.practicestudio.sandbox.SandboxHttp;
import com.practicestudio.sandbox.data.PatientRecord;
import com.practicestudio.sandbox.sftp.SftpServerComponent;
import com.practicestudio.sandbox.sftp.SshTestClient;
import java.io.IOException;
import org.apache.sshd.client.session.ClientSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CclSshIT {

  static CernerSandbox sandbox;
  static SshTestClient ssh;
  static ClientSession session;
  static PatientRecord patient;

  @BeforeAll
  static void start() throws IOException {
    sandbox =
        CernerSandbox.builder().patients(120).sftpPort(0).sftpPassword("ccl-pw-99").build().start();
    SftpServerComponent server = sandbox.component(SftpServerComponent.class).orElseThrow();
    ssh = new SshTestClient(server.port(), server.hostKey());
    session = ssh.withPassword("practice-studio", "ccl-pw-99");
    patient =
        sandbox.data().patients().stream()
            .filter(PatientRecord::active)
            .skip(3)
            .findFirst()
            .orElseThrow();
  }

  @AfterAll
  static void stop() throws IOException {
    session.close();
    ssh.close();
    sandbox.close();
  }

  static JsonNode reply(SshTestClient.Exec exec) {
    assertThat(exec.stdout()).endsWith("\n");
    return SandboxHttp.json(exec.stdout());
  }

  @Test
  void a_named_script_runs_with_dollar_arguments() throws IOException {
    SshTestClient.Exec exec =
        SshTestClient.exec(session, "ccl ps_patient_by_mrn $mrn=" + patient.mrn(), "");
    assertThat(exec.exitStatus()).isZero();
    JsonNode reply = reply(exec);
    assertThat(reply.at("/status_data/status").asText()).isEqualTo("S");
    assertThat(reply.at("/rows/0/0").asLong()).isEqualTo(patient.personId());
  }

  @Test
  void ccl_text_runs_with_parameters_after_go() throws IOException {
    SshTestClient.Exec exec =
        SshTestClient.exec(
            session,
            "ccl SELECT p.name_last, p.name_first FROM person p WHERE p.person_id = $id"
                + " AND p.active_ind = $active GO $id="
                + patient.personId()
                + " $active=1",
            "");
    JsonNode reply = reply(exec);
    assertThat(reply.at("/status_data/status").asText()).isEqualTo("S");
    assertThat(reply.at("/rows/0/0").asText()).isEqualTo(patient.name().family());
  }

  @Test
  void a_quoted_parameter_with_go_and_quotes_stays_a_value() throws IOException {
    String query = "ccl select p.person_id from person p where p.name_last = $n go $n=";
    SshTestClient.Exec hostile =
        SshTestClient.exec(session, query + "\"x' GO select p.person_id from person p go\"", "");
    assertThat(hostile.exitStatus()).isZero();
    assertThat(reply(hostile).at("/status_data/status").asText()).isEqualTo("Z");
    SshTestClient.Exec honest =
        SshTestClient.exec(session, query + "'" + patient.name().family() + "'", "");
    assertThat(reply(honest).at("/status_data/status").asText()).isEqualTo("S");
  }

  @Test
  void with_no_arguments_the_json_request_is_read_from_stdin() throws IOException {
    SshTestClient.Exec exec =
        SshTestClient.exec(
            session,
            "ccl",
            "{\"script\": \"ps_patient_by_mrn\", \"parameters\": {\"$mrn\": \""
                + patient.mrn()
                + "\"}}");
    assertThat(exec.exitStatus()).isZero();
    assertThat(reply(exec).at("/rows/0/0").asLong()).isEqualTo(patient.personId());
  }

  @Test
  void a_failure_answers_an_F_reply_and_exit_status_1() throws IOException {
    SshTestClient.Exec exec = SshTestClient.exec(session, "ccl select p.x from person p go", "");
    assertThat(exec.exitStatus()).isEqualTo(1);
    JsonNode reply = reply(exec);
    assertThat(reply.at("/status_data/status").asText()).isEqualTo("F");
    assertThat(reply.at("/error/message").asText()).isEqualTo("table PERSON has no column X");
    assertThat(reply.at("/error/line").asInt()).isEqualTo(1);
    assertThat(reply.at("/error/column").asInt()).isEqualTo(8);

    SshTestClient.Exec noGo = SshTestClient.exec(session, "ccl select p.x from person p", "");
    assertThat(reply(noGo).at("/error/message").asText())
        .isEqualTo("expected GO at the end of the CCL text");
    SshTestClient.Exec badStdin = SshTestClient.exec(session, "ccl", "not json");
    assertThat(badStdin.exitStatus()).isEqualTo(1);
    assertThat(reply(badStdin).at("/error/message").asText()).isEqualTo("stdin is not JSON");
  }

  @Test
  void other_commands_are_unknown() throws IOException {
    SshTestClient.Exec exec = SshTestClient.exec(session, "ls -la", "");
    assertThat(exec.exitStatus()).isEqualTo(1);
    assertThat(exec.stderr()).contains("Unknown command");
  }
}
