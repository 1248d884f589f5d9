package com.practicestudio.sandbox;

import ca.uhn.fhir.context.FhirContext;
import com.practicestudio.sandbox.auth.ClientRegistry;
import com.practicestudio.sandbox.auth.GrantCounter;
import com.practicestudio.sandbox.auth.LaunchContext;
import com.practicestudio.sandbox.auth.RegisteredClient;
import com.practicestudio.sandbox.auth.SmartScope;
import com.practicestudio.sandbox.auth.TokenService;
import com.practicestudio.sandbox.ccl.CclService;
import com.practicestudio.sandbox.ccl.CclSshCommands;
import com.practicestudio.sandbox.data.SandboxData;
import com.practicestudio.sandbox.data.SeedGenerator;
import com.practicestudio.sandbox.hl7.Hl7Peer;
import com.practicestudio.sandbox.hl7.Hl7Profile;
import com.practicestudio.sandbox.http.FaultInjector;
import com.practicestudio.sandbox.http.RequestLog;
import com.practicestudio.sandbox.sftp.SftpServerComponent;
import com.practicestudio.sandbox.sftp.SftpSettings;
import com.practicestudio.sandbox.sftp.SftpUser;
import com.practicestudio.sandbox.sftp.SftpUsers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * A running stand-in for one Cerner Millennium domain: FHIR R4, the authorization server, the
 * Millennium web services, the CCL service and admin endpoints on one HTTP port, over seeded data;
 * plus any {@link SandboxComponent}s (MLLP, the SFTP server with SSH-CCL) started after it.
 *
 * <pre>{@code
 * try (CernerSandbox sandbox = CernerSandbox.builder().patients(200).build().start()) {
 *   String fhir = sandbox.urls().fhirRoot();
 * }
 * }</pre>
 */
public final class CernerSandbox implements AutoCloseable {

  private final SandboxOptions options;
  private final Clock clock;
  private final SandboxData data;
  private final CclService ccl;
  private final ClientRegistry clients;
  private final TokenService tokens;
  private final GrantCounter grants = new GrantCounter();
  private final FaultInjector faults;
  private final RequestLog requests = new RequestLog();
  private final List<SandboxComponent> components;
  private final Hl7Peer hl7;
  private final List<SandboxComponent> started = new ArrayList<>();
  private final List<String> componentLines = new ArrayList<>();
  private final SandboxUrls urls;
  private final HttpServer http = new HttpServer();

  private CernerSandbox(Builder builder) {
    this.options = builder.options();
    this.clock = builder.clock;
    this.urls = new SandboxUrls(options.host(), options.tenant(), http::port);
    this.data = SeedGenerator.generate(options.seed(), options.patients(), clock);
    this.ccl = new CclService(data, clock);
    this.clients = new ClientRegistry();
    clients.register(
        RegisteredClient.system(
            options.systemClientId(),
            options.systemClientSecret(),
            ClientRegistry.allScopes(SmartScope.Context.SYSTEM)));
    builder.clients.forEach(clients::register);
    this.tokens =
        new TokenService(clock, urls::oauthBase, urls::fhirRoot, options.accessTokenLifetime());
    this.faults = new FaultInjector(clock, options.seed());
    this.hl7 =
        options.mllpPort() == null ? null : new Hl7Peer(builder.hl7Profile, builder.hl7Script);
    List<SandboxComponent> all = new ArrayList<>();
    if (hl7 != null) {
      all.add(hl7);
    }
    if (options.sftpPort() != null) {
      CclSshCommands sshCcl = new CclSshCommands(ccl);
      all.add(new SftpServerComponent(builder.sftpSettings(options), context -> sshCcl));
    }
    all.addAll(builder.components);
    this.components = List.copyOf(all);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Starts the HTTP server, then each component in order. */
  public CernerSandbox start() {
    try {
      if (options.clientsFile() != null) {
        clients.load(options.clientsFile());
      }
      http.start(options, this, FhirContext.forR4Cached());
      SandboxContext context = new SandboxContext(options, data, clock, urls);
      for (SandboxComponent component : components) {
        String line = component.start(context);
        started.add(component);
        componentLines.add(component.name() + ": " + (line == null ? "started" : line));
      }
      return this;
    } catch (Exception e) {
      close();
      throw new IllegalStateException("The Cerner sandbox did not start", e);
    }
  }

  /** Stops the components in reverse order, then the HTTP server. */
  @Override
  public void close() {
    for (int i = started.size() - 1; i >= 0; i--) {
      try {
        started.get(i).close();
      } catch (Exception e) {
        // keep closing the others; the component reports its own failure
      }
    }
    started.clear();
    componentLines.clear();
    http.stop();
  }

  public SandboxOptions options() {
    return options;
  }

  public SandboxUrls urls() {
    return urls;
  }

  public int port() {
    return http.port();
  }

  public String tenant() {
    return options.tenant();
  }

  public String systemClientId() {
    return options.systemClientId();
  }

  public String systemClientSecret() {
    return options.systemClientSecret();
  }

  /** The seeded domain; FHIR writes and bookings change it. */
  public SandboxData data() {
    return data;
  }

  public Clock clock() {
    return clock;
  }

  /** The CCL service (also at {@code POST /ccl/v1/run} and as the SSH command {@code ccl}). */
  public CclService ccl() {
    return ccl;
  }

  /** The first started component of a type, e.g. {@code component(SftpServerComponent.class)}. */
  public <T extends SandboxComponent> Optional<T> component(Class<T> type) {
    return started.stream().filter(type::isInstance).map(type::cast).findFirst();
  }

  public ClientRegistry clients() {
    return clients;
  }

  public FaultInjector faults() {
    return faults;
  }

  public RequestLog requests() {
    return requests;
  }

  public GrantCounter grants() {
    return grants;
  }

  TokenService tokens() {
    return tokens;
  }

  /**
   * The MLLP peer (HL7 v2 over MLLP, as a Cerner interface).
   *
   * @throws IllegalStateException when the sandbox was built without {@code mllpPort(..)}
   */
  public Hl7Peer hl7() {
    if (hl7 == null) {
      throw new IllegalStateException("no MLLP peer: build the sandbox with mllpPort(0)");
    }
    return hl7;
  }

  Optional<Hl7Peer> hl7Peer() {
    return Optional.ofNullable(hl7);
  }

  /** One line per started component, as its start() described itself. */
  public List<String> componentLines() {
    return List.copyOf(componentLines);
  }

  /** Mints a launch id for an EHR launch about a patient (and encounter, may be null). */
  public String mintLaunch(String patientId, String encounterId) {
    return tokens.mintLaunch(new LaunchContext(patientId, encounterId));
  }

  /** Builds a sandbox; every option has a default. */
  public static final class Builder {
    /** The SFTP user printed at start. */
    public static final String DEFAULT_SFTP_USER = "practice-studio";

    private int port;
    private String host = "localhost";
    private String tenant = SandboxOptions.DEFAULT_TENANT;
    private String systemClientId = SandboxOptions.DEFAULT_SYSTEM_CLIENT_ID;
    private String systemClientSecret;
    private long seed = SandboxOptions.DEFAULT_SEED;
    private int patients = SandboxOptions.DEFAULT_PATIENTS;
    private Integer mllpPort;
    private Integer sftpPort;
    private java.time.Duration tokenLifetime = SandboxOptions.DEFAULT_TOKEN_LIFETIME;
    private java.nio.file.Path clientsFile;
    private java.nio.file.Path hl7Script;
    private Hl7Profile hl7Profile = Hl7Profile.defaults();
    private Clock clock = Clock.systemUTC();
    private java.nio.file.Path workDir;
    private java.nio.file.Path sftpRoot;
    private String sftpPassword;
    private final List<SftpUser> sftpUsers = new ArrayList<>();
    private final List<RegisteredClient> clients = new ArrayList<>();
    private final List<SandboxComponent> components = new ArrayList<>();

    /** The HTTP port; 0 (the default) picks a free one. */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    public Builder host(String host) {
      this.host = host;
      return this;
    }

    public Builder tenant(String tenant) {
      this.tenant = tenant;
      return this;
    }

    public Builder systemClient(String clientId, String secret) {
      this.systemClientId = clientId;
      this.systemClientSecret = secret;
      return this;
    }

    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    public Builder patients(int patients) {
      this.patients = patients;
      return this;
    }

    /**
     * Runs the MLLP peer ({@link CernerSandbox#hl7()}) listening on this port (0: a free one);
     * null: none.
     */
    public Builder mllpPort(Integer mllpPort) {
      this.mllpPort = mllpPort;
      return this;
    }

    /** How the MLLP peer addresses and shapes its messages (MSH-3..6, alias pools). */
    public Builder hl7Profile(Hl7Profile profile) {
      this.hl7Profile = java.util.Objects.requireNonNull(profile, "profile");
      return this;
    }

    /** A JSON script the MLLP peer sends once started (needs {@link #mllpPort}). */
    public Builder hl7Script(java.nio.file.Path script) {
      this.hl7Script = script;
      return this;
    }

    /** Starts the SFTP server (with the SSH-CCL command) on this port, 0 for a free one. */
    public Builder sftpPort(Integer sftpPort) {
      this.sftpPort = sftpPort;
      return this;
    }

    /**
     * Where the sandbox keeps what should survive a restart (the SSH host key, the SFTP folders);
     * null (the default) for temporary folders.
     */
    public Builder workDir(java.nio.file.Path workDir) {
      this.workDir = workDir;
      return this;
    }

    /** The folder holding one folder per SFTP user; default {@code <workDir>/sftp}. */
    public Builder sftpRoot(java.nio.file.Path root) {
      this.sftpRoot = root;
      return this;
    }

    /** The default SFTP user's password (user {@value #DEFAULT_SFTP_USER}); random if not set. */
    public Builder sftpPassword(String password) {
      this.sftpPassword = password;
      return this;
    }

    /** A further SFTP user. */
    public Builder sftpUser(SftpUser user) {
      sftpUsers.add(user);
      return this;
    }

    /** Further SFTP users from a JSON file (see {@link SftpUsers}). */
    public Builder sftpUsersFile(java.nio.file.Path file) {
      try {
        sftpUsers.addAll(SftpUsers.load(file));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the SFTP users file", e);
      }
      return this;
    }

    SftpSettings sftpSettings(SandboxOptions options) {
      String password = sftpPassword != null ? sftpPassword : randomSecret();
      SftpUser defaultUser = SftpUser.withPassword(DEFAULT_SFTP_USER, password);
      return new SftpSettings(
          options.sftpPort(), options.host(), workDir, sftpRoot, defaultUser, sftpUsers);
    }

    public Builder accessTokenLifetime(java.time.Duration lifetime) {
      this.tokenLifetime = lifetime;
      return this;
    }

    /** Time for token expiry and "today" of the seeded schedules. */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    public Builder client(RegisteredClient client) {
      clients.add(client);
      return this;
    }

    public Builder clientsFile(java.nio.file.Path file) {
      this.clientsFile = file;
      return this;
    }

    /** A component started after the HTTP server (MLLP peer, SFTP server, CCL service). */
    public Builder component(SandboxComponent component) {
      components.add(component);
      return this;
    }

    SandboxOptions options() {
      String secret = systemClientSecret != null ? systemClientSecret : randomSecret();
      return new SandboxOptions(
          port,
          host,
          tenant,
          systemClientId,
          secret,
          seed,
          patients,
          mllpPort,
          sftpPort,
          tokenLifetime,
          clientsFile);
    }

    public CernerSandbox build() {
      return new CernerSandbox(this);
    }

    private static String randomSecret() {
      byte[] bytes = new byte[18];
      new SecureRandom().nextBytes(bytes);
      return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
  }
}
