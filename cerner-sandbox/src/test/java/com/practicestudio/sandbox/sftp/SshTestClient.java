package com.practicestudio.sandbox.sftp;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Duration;
import java.util.EnumSet;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.keyverifier.RequiredServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;

/** MINA's SSH client, pinned to the sandbox's host key, for tests. */
public final class SshTestClient implements AutoCloseable {

  static final Duration TIMEOUT = Duration.ofSeconds(20);

  private final SshClient client = SshClient.setUpDefaultClient();
  private final int port;

  public SshTestClient(int port, PublicKey hostKey) {
    this.port = port;
    client.setServerKeyVerifier(new RequiredServerKeyVerifier(hostKey));
    client.start();
  }

  public ClientSession withPassword(String user, String password) throws IOException {
    ClientSession session = connect(user);
    session.addPasswordIdentity(password);
    session.auth().verify(TIMEOUT);
    return session;
  }

  public ClientSession withKey(String user, KeyPair key) throws IOException {
    ClientSession session = connect(user);
    session.addPublicKeyIdentity(key);
    session.auth().verify(TIMEOUT);
    return session;
  }

  private ClientSession connect(String user) throws IOException {
    return client.connect(user, "localhost", port).verify(TIMEOUT).getSession();
  }

  public static SftpClient sftp(ClientSession session) throws IOException {
    return SftpClientFactory.instance().createSftpClient(session);
  }

  /** What an exec command answered. */
  public record Exec(int exitStatus, String stdout, String stderr) {}

  /** Runs an exec command, sending {@code stdin} (may be empty) and then EOF. */
  public static Exec exec(ClientSession session, String command, String stdin) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try (ChannelExec channel = session.createExecChannel(command)) {
      channel.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
      channel.setOut(out);
      channel.setErr(err);
      channel.open().verify(TIMEOUT);
      channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), TIMEOUT);
      Integer status = channel.getExitStatus();
      return new Exec(
          status == null ? -1 : status,
          out.toString(StandardCharsets.UTF_8),
          err.toString(StandardCharsets.UTF_8));
    }
  }

  @Override
  public void close() {
    client.stop();
  }
}
