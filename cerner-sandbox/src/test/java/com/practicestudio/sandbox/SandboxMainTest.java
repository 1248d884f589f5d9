package com.practicestudio.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SandboxMainTest {

  @Test
  void every_documented_flag_is_read() {
    SandboxOptions options =
        SandboxMain.parse(
                new String[] {
                  "--port", "9100", "--tenant", "t-1", "--system-client-id", "svc",
                  "--system-client-secret", "pw", "--mllp-port", "2576", "--sftp-port", "2222",
                  "--seed", "42", "--patients", "1500", "--token-lifetime", "60"
                })
            .options();
    assertThat(options.port()).isEqualTo(9100);
    assertThat(options.tenant()).isEqualTo("t-1");
    assertThat(options.systemClientId()).isEqualTo("svc");
    assertThat(options.systemClientSecret()).isEqualTo("pw");
    assertThat(options.mllpPort()).isEqualTo(2576);
    assertThat(options.sftpPort()).isEqualTo(2222);
    assertThat(options.seed()).isEqualTo(42);
    assertThat(options.patients()).isEqualTo(1500);
    assertThat(options.accessTokenLifetime()).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void the_sftp_flags_start_the_sftp_server_and_the_banner_prints_it_and_the_ccl_service(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path work) {
    try (CernerSandbox sandbox =
        SandboxMain.parse(
                new String[] {
                  "--port",
                  "0",
                  "--patients",
                  "30",
                  "--sftp-port",
                  "0",
                  "--sftp-password",
                  "main-pw-1",
                  "--work-dir",
                  work.toString(),
                  "--sftp-root",
                  work.resolve("files").toString()
                })
            .build()
            .start()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      SandboxMain.printBanner(sandbox, new PrintStream(out, true, StandardCharsets.UTF_8));
      String banner = out.toString(StandardCharsets.UTF_8);
      assertThat(banner)
          .contains("CCL service")
          .contains(sandbox.urls().cclBase() + "/run (scope system/ccl.run)")
          .contains("SFTP server: sftp://localhost:")
          .contains("user practice-studio password main-pw-1")
          .contains("host key SHA256:")
          .contains("root " + work.resolve("files"));
      assertThat(work.resolve("files/practice-studio/inbound")).isDirectory();
      assertThat(work.resolve("sftp-host-key.pub")).exists();
    }
  }

  @Test
  void defaults_are_the_public_sandbox_tenant_and_a_generated_secret() {
    SandboxOptions options = SandboxMain.parse(new String[0]).options();
    assertThat(options.tenant()).isEqualTo("ec2458f2-1e24-41c8-b71b-0e701af7583d");
    assertThat(options.systemClientId()).isEqualTo("practice-studio-system");
    assertThat(options.systemClientSecret()).hasSizeGreaterThan(20);
    assertThat(options.accessTokenLifetime()).isEqualTo(Duration.ofSeconds(570));
    assertThat(options.patients()).isEqualTo(1000);
  }

  @Test
  void unknown_flags_and_bad_numbers_are_refused() {
    assertThatThrownBy(() -> SandboxMain.parse(new String[] {"--bogus", "1"}))
        .hasMessageContaining("--bogus");
    assertThatThrownBy(() -> SandboxMain.parse(new String[] {"--port", "x"}))
        .hasMessageContaining("--port");
  }

  @Test
  void the_banner_prints_the_urls_credentials_and_component_ports() {
    try (CernerSandbox sandbox =
        SandboxMain.parse(
                new String[] {
                  "--port", "0", "--patients", "40", "--mllp-port", "0", "--sftp-port", "0"
                })
            .build()
            .start()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      SandboxMain.printBanner(sandbox, new PrintStream(out, true, StandardCharsets.UTF_8));
      String banner = out.toString(StandardCharsets.UTF_8);
      assertThat(banner)
          .contains(sandbox.urls().fhirRoot())
          .contains(sandbox.urls().tokenUrl())
          .contains(sandbox.urls().authorizeUrl())
          .contains(sandbox.urls().adminBase())
          .contains(sandbox.systemClientId())
          .contains(sandbox.systemClientSecret())
          .contains("MLLP peer: listening on localhost:" + sandbox.hl7().port())
          .contains(sandbox.urls().adminBase() + "/hl7")
          .contains("SFTP")
          .doesNotContain("not built yet");
    }
  }
}
