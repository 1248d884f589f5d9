package com.practicestudio.sandbox.sftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.practicestudio.sandbox.CernerSandbox;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.SshException;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.sftp.client.SftpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SftpServerIT {

  static final String PASSWORD = "sandbox-pw-4711";

  @TempDir static Path work;
  static KeyPair batchKey;
  static KeyPair fileUserKey;
  static CernerSandbox sandbox;
  static SftpServerComponent server;
  static SshTestClient ssh;

  @BeforeAll
  static void start() throws Exception {
    batchKey = keyPair();
    fileUserKey = keyPair();
    Path users = work.resolve("users.json");
    Files.writeString(
        users,
        """
        {"users": [
          {"username": "cerner-ops", "password": "ops-pw-0815"},
          {"username": "filer", "publicKeys": ["%s"]}
        ]}"""
            .formatted(PublicKeyEntry.toString(fileUserKey.getPublic())));
    sandbox = started();
    server = sandbox.component(SftpServerComponent.class).orElseThrow();
    ssh = new SshTestClient(server.port(), server.hostKey());
  }

  static CernerSandbox started() {
    return CernerSandbox.builder()
        .patients(20)
        .sftpPort(0)
        .workDir(work)
        .sftpPassword(PASSWORD)
        .sftpUser(new SftpUser("batch", null, List.of(batchKey.getPublic())))
        .sftpUsersFile(work.resolve("users.json"))
        .build()
        .start();
  }

  @AfterAll
  static void stop() {
    ssh.close();
    sandbox.close();
  }

  static KeyPair keyPair() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(256);
    return generator.generateKeyPair();
  }

  static List<String> names(SftpClient sftp, String dir) throws IOException {
    List<String> names = new ArrayList<>();
    sftp.readDir(dir).forEach(entry -> names.add(entry.getFilename()));
    names.removeIf(name -> name.equals(".") || name.equals(".."));
    return names;
  }

  @Test
  void the_default_user_puts_lists_gets_and_renames_files_with_a_password() throws IOException {
    try (ClientSession session = ssh.withPassword("practice-studio", PASSWORD);
        SftpClient sftp = SshTestClient.sftp(session)) {
      assertThat(names(sftp, "/")).contains("inbound", "outbound");
      try (OutputStream out = sftp.write("inbound/demographics.csv")) {
        out.write("mrn,family\n10002000,SMITH\n".getBytes(StandardCharsets.UTF_8));
      }
      assertThat(server.userRoot("practice-studio").resolve("inbound/demographics.csv"))
          .hasContent("mrn,family\n10002000,SMITH");
      assertThat(names(sftp, "inbound")).contains("demographics.csv");
      sftp.rename("inbound/demographics.csv", "inbound/demographics.done");
      assertThat(names(sftp, "inbound"))
          .contains("demographics.done")
          .doesNotContain("demographics.csv");

      Files.writeString(
          server.userRoot("practice-studio").resolve("outbound/remit.835"), "ISA*00*~");
      try (InputStream in = sftp.read("/outbound/remit.835")) {
        assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("ISA*00*~");
      }
    }
  }

  @Test
  void users_log_in_with_their_public_keys_each_in_their_own_root() throws IOException {
    try (ClientSession session = ssh.withKey("batch", batchKey);
        SftpClient sftp = SshTestClient.sftp(session)) {
      try (OutputStream out = sftp.write("outbound/batch.txt")) {
        out.write('x');
      }
      assertThat(server.userRoot("batch").resolve("outbound/batch.txt")).exists();
      assertThat(server.userRoot("practice-studio").resolve("outbound/batch.txt")).doesNotExist();
    }
    try (ClientSession session = ssh.withKey("filer", fileUserKey);
        SftpClient sftp = SshTestClient.sftp(session)) {
      assertThat(names(sftp, "/")).containsExactlyInAnyOrder("inbound", "outbound");
    }
    try (ClientSession session = ssh.withPassword("cerner-ops", "ops-pw-0815");
        SftpClient sftp = SshTestClient.sftp(session)) {
      assertThat(sftp.canonicalPath(".")).isEqualTo("/");
    }
  }

  @Test
  void a_user_cannot_climb_out_of_its_root() throws IOException {
    try (ClientSession session = ssh.withPassword("practice-studio", PASSWORD);
        SftpClient sftp = SshTestClient.sftp(session)) {
      assertThat(sftp.canonicalPath("../..")).isEqualTo("/");
      assertThat(names(sftp, "../../..")).contains("inbound", "outbound");
      try (OutputStream out = sftp.write("../../escape.txt")) {
        out.write('x');
      }
      try (OutputStream out = sftp.write("/inbound/../../../batch/outbound/planted.txt")) {
        out.write('x');
      } catch (IOException expectedRefusal) {
        // refused because there is no such folder inside the user's root: fine either way
      }
    }
    Path userRoot = server.userRoot("practice-studio");
    assertThat(userRoot.resolve("escape.txt")).exists();
    assertThat(server.userRoot("batch").resolve("outbound/planted.txt")).doesNotExist();
    try (Stream<Path> outside = Files.list(userRoot.getParent().getParent())) {
      assertThat(outside.map(p -> p.getFileName().toString())).doesNotContain("escape.txt");
    }
  }

  @Test
  void a_wrong_password_or_an_unknown_key_is_refused() throws GeneralSecurityException {
    assertThatThrownBy(() -> ssh.withPassword("practice-studio", "wrong").close())
        .isInstanceOf(SshException.class);
    assertThatThrownBy(() -> ssh.withPassword("nobody", PASSWORD).close())
        .isInstanceOf(SshException.class);
    KeyPair stranger = keyPair();
    assertThatThrownBy(() -> ssh.withKey("batch", stranger).close())
        .isInstanceOf(SshException.class);
    assertThatThrownBy(() -> ssh.withPassword("batch", "any-password").close())
        .isInstanceOf(SshException.class);
  }

  @Test
  void the_host_key_is_kept_in_the_work_dir_and_printed_at_start() throws IOException {
    assertThat(server.hostKeyFingerprint()).startsWith("SHA256:");
    assertThat(work.resolve("sftp-host-key")).exists();
    assertThat(Files.readString(work.resolve("sftp-host-key.pub")))
        .startsWith("ecdsa-sha2-nistp256 ")
        .contains(PublicKeyEntry.toString(server.hostKey()).split(" ")[1]);
    assertThat(sandbox.componentLines())
        .anySatisfy(
            line ->
                assertThat(line)
                    .startsWith("SFTP server: sftp://localhost:" + server.port())
                    .contains("user practice-studio password " + PASSWORD)
                    .contains(server.hostKeyFingerprint())
                    .contains("SSH exec: ccl"));
  }

  @Test
  void a_restart_with_the_same_work_dir_keeps_the_host_key() {
    String before = server.hostKeyFingerprint();
    try (CernerSandbox again = started()) {
      SftpServerComponent second = again.component(SftpServerComponent.class).orElseThrow();
      assertThat(second.hostKeyFingerprint()).isEqualTo(before);
      assertThat(second.port()).isNotEqualTo(server.port());
    }
  }
}
