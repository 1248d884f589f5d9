package com.practicestudio.sandbox.sftp;

import com.practicestudio.sandbox.SandboxComponent;
import com.practicestudio.sandbox.SandboxContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.command.CommandFactory;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * The sandbox's SSH server (Apache MINA SSHD): SFTP with password and public-key users, each rooted
 * in its own folder holding {@code inbound/} (files for the Cerner side) and {@code outbound/}
 * (files the Cerner side leaves for pick-up); {@code ../} never leaves that folder. The host key is
 * generated once in the work dir and reused, so clients can pin it. SSH exec commands (the CCL back
 * end) come from the command factory given, if any.
 */
public final class SftpServerComponent implements SandboxComponent {

  public static final String INBOUND = "inbound";
  public static final String OUTBOUND = "outbound";
  static final String HOST_KEY_FILE = "sftp-host-key";

  private final SftpSettings settings;
  private final Function<SandboxContext, CommandFactory> commands;
  private SshServer server;
  private Path root;
  private Path tempDir;
  private PublicKey hostKey;

  /**
   * @param commands makes the SSH exec command factory once the sandbox runs; null for SFTP only
   */
  public SftpServerComponent(
      SftpSettings settings, Function<SandboxContext, CommandFactory> commands) {
    this.settings = settings;
    this.commands = commands;
  }

  @Override
  public String name() {
    return "SFTP server";
  }

  @Override
  public String start(SandboxContext context) throws IOException {
    Path keyDir = settings.workDir();
    if (keyDir == null) {
      tempDir = Files.createTempDirectory("cerner-sandbox-sftp");
      keyDir = tempDir;
    }
    Files.createDirectories(keyDir);
    root = settings.root() != null ? settings.root() : keyDir.resolve("sftp");
    Map<String, SftpUser> users =
        settings.allUsers().stream().collect(Collectors.toMap(SftpUser::username, u -> u));
    VirtualFileSystemFactory files = new VirtualFileSystemFactory();
    for (SftpUser user : users.values()) {
      files.setUserHomeDir(user.username(), userFolder(user.username()));
    }
    server = SshServer.setUpDefaultServer();
    server.setHost(settings.host());
    server.setPort(settings.port());
    server.setKeyPairProvider(hostKeys(keyDir));
    server.setFileSystemFactory(files);
    server.setSubsystemFactories(List.of(new SftpSubsystemFactory.Builder().build()));
    server.setPasswordAuthenticator(
        (username, password, session) -> {
          SftpUser user = users.get(username);
          return user != null && user.passwordMatches(password);
        });
    server.setPublickeyAuthenticator(
        (username, key, session) -> {
          SftpUser user = users.get(username);
          return user != null && user.keyMatches(key);
        });
    if (commands != null) {
      server.setCommandFactory(commands.apply(context));
    }
    CoreModuleProperties.IDLE_TIMEOUT.set(server, Duration.ofMinutes(10));
    server.start();
    return banner();
  }

  private Path userFolder(String username) throws IOException {
    Path home = root.resolve(username);
    Files.createDirectories(home.resolve(INBOUND));
    Files.createDirectories(home.resolve(OUTBOUND));
    return home;
  }

  private SimpleGeneratorHostKeyProvider hostKeys(Path keyDir) throws IOException {
    SimpleGeneratorHostKeyProvider provider =
        new SimpleGeneratorHostKeyProvider(keyDir.resolve(HOST_KEY_FILE));
    provider.setAlgorithm(KeyUtils.EC_ALGORITHM);
    provider.setKeySize(256);
    List<KeyPair> keys = provider.loadKeys(null);
    hostKey = keys.get(0).getPublic();
    Files.writeString(
        keyDir.resolve(HOST_KEY_FILE + ".pub"), PublicKeyEntry.toString(hostKey) + "\n");
    return provider;
  }

  private String banner() {
    SftpUser user = settings.defaultUser();
    return "sftp://"
        + settings.host()
        + ":"
        + port()
        + " user "
        + user.username()
        + (user.password() != null ? " password " + user.password() : " (key only)")
        + ", host key "
        + hostKeyFingerprint()
        + ", root "
        + root
        + (commands != null ? ", SSH exec: ccl" : "");
  }

  /** The port the server listens on. */
  public int port() {
    return server.getPort();
  }

  /** The host's public key, as clients should pin it. */
  public PublicKey hostKey() {
    return hostKey;
  }

  /** {@code SHA256:...}, as OpenSSH prints it. */
  public String hostKeyFingerprint() {
    return KeyUtils.getFingerPrint(hostKey);
  }

  /** The folder a user sees as {@code /}. */
  public Path userRoot(String username) {
    return root.resolve(username);
  }

  public SftpUser defaultUser() {
    return settings.defaultUser();
  }

  @Override
  public void close() throws IOException {
    if (server != null) {
      server.stop(true);
      server = null;
    }
    if (tempDir != null) {
      try (Stream<Path> paths = Files.walk(tempDir)) {
        paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
      tempDir = null;
    }
  }
}
