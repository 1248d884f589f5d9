package com.practicestudio.sandbox;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How a sandbox is set up (see {@link CernerSandbox.Builder}).
 *
 * @param port the HTTP port, 0 for a free one
 * @param host the host name in the URLs (the server listens on it)
 * @param mllpPort the MLLP peer's port (0: a free one), null when no MLLP peer is wanted
 * @param sftpPort the SFTP server's port (0 for a free one), null when not wanted
 * @param clientsFile a JSON client registry (see ClientRegistry), may be null
 */
public record SandboxOptions(
    int port,
    String host,
    String tenant,
    String systemClientId,
    String systemClientSecret,
    long seed,
    int patients,
    Integer mllpPort,
    Integer sftpPort,
    Duration accessTokenLifetime,
    Path clientsFile) {

  /** The public sandbox tenant id Cerner documents. */
  public static final String DEFAULT_TENANT = "ec2458f2-1e24-41c8-b71b-0e701af7583d";

  public static final String DEFAULT_SYSTEM_CLIENT_ID = "practice-studio-system";
  public static final long DEFAULT_SEED = 20_261_125L;
  public static final int DEFAULT_PATIENTS = 1000;
  public static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofSeconds(570);
}
