package com.practicestudio.sandbox;

import com.practicestudio.sandbox.auth.ScopeSet;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the sandbox: {@code java -jar cerner-sandbox.jar [--port N] [--tenant ID]
 * [--system-client-id ID] [--system-client-secret S] [--mllp-port N] [--sftp-port N]
 * [--sftp-password PW] [--sftp-users FILE] [--sftp-root DIR] [--work-dir DIR] [--seed N]
 * [--patients N] [--token-lifetime SECONDS] [--clients FILE] [--hl7-script FILE]}. Prints its URLs
 * and credentials and serves until stopped. The work dir (default {@code ./cerner-sandbox-work})
 * keeps the SSH host key and the SFTP folders between runs. {@code --hl7-script} names a JSON
 * script the MLLP peer sends once started.
 */
public final class SandboxMain {

  private SandboxMain() {}

  public static void main(String[] args) throws InterruptedException {
    quietLogs();
    CernerSandbox.Builder builder;
    try {
      builder = parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(usage());
      System.exit(2);
      return;
    }
    CernerSandbox sandbox = builder.build().start();
    Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close, "sandbox-shutdown"));
    printBanner(sandbox, System.out);
    new CountDownLatch(1).await();
  }

  /** Reads the command line into a builder. */
  static CernerSandbox.Builder parse(String[] args) {
    CernerSandbox.Builder builder =
        CernerSandbox.builder().port(8090).workDir(Path.of("cerner-sandbox-work"));
    String clientId = SandboxOptions.DEFAULT_SYSTEM_CLIENT_ID;
    String secret = null;
    for (int i = 0; i < args.length; i++) {
      String flag = args[i];
      if ("--help".equals(flag)) {
        throw new IllegalArgumentException("Cerner sandbox");
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("Missing value for " + flag);
      }
      String value = args[++i];
      switch (flag) {
        case "--port" -> builder.port(number(flag, value));
        case "--tenant" -> builder.tenant(value);
        case "--system-client-id" -> clientId = value;
        case "--system-client-secret" -> secret = value;
        case "--mllp-port" -> builder.mllpPort(number(flag, value));
        case "--sftp-port" -> builder.sftpPort(number(flag, value));
        case "--sftp-password" -> builder.sftpPassword(value);
        case "--sftp-users" -> builder.sftpUsersFile(Path.of(value));
        case "--sftp-root" -> builder.sftpRoot(Path.of(value));
        case "--work-dir" -> builder.workDir(Path.of(value));
        case "--seed" -> builder.seed(Long.parseLong(value));
        case "--patients" -> builder.patients(number(flag, value));
        case "--token-lifetime" ->
            builder.accessTokenLifetime(Duration.ofSeconds(number(flag, value)));
        case "--clients" -> builder.clientsFile(Path.of(value));
        case "--hl7-script" -> builder.hl7Script(Path.of(value));
        case "--host" -> builder.host(value);
        default -> throw new IllegalArgumentException("Unknown option " + flag);
      }
    }
    return builder.systemClient(clientId, secret);
  }

  static void printBanner(CernerSandbox sandbox, PrintStream out) {
    SandboxUrls urls = sandbox.urls();
    Map<String, String> lines =
        new java.util.LinkedHashMap<>(
            Map.of(
                "FHIR R4 root", urls.fhirRoot(),
                "SMART configuration", urls.fhirRoot() + "/.well-known/smart-configuration",
                "Token endpoint", urls.tokenUrl(),
                "Authorize endpoint", urls.authorizeUrl(),
                "Millennium services", urls.millenniumBase() + "/patient/v1, /scheduling/v1",
                "CCL service", "POST " + urls.cclBase() + "/run (scope " + ScopeSet.CCL_RUN + ")",
                "Admin", urls.adminBase()));
    out.println("Cerner sandbox (tenant " + sandbox.tenant() + ")");
    for (String key :
        java.util.List.of(
            "FHIR R4 root",
            "SMART configuration",
            "Token endpoint",
            "Authorize endpoint",
            "Millennium services",
            "CCL service",
            "Admin")) {
      out.printf("  %-20s %s%n", key, lines.get(key));
    }
    out.printf("  %-20s %s%n", "System client id", sandbox.systemClientId());
    out.printf("  %-20s %s%n", "System client secret", sandbox.systemClientSecret());
    SandboxOptions options = sandbox.options();
    out.printf(
        "  %-20s %d patients, seed %d%n", "Data", sandbox.data().patients().size(), options.seed());
    for (String line : sandbox.componentLines()) {
      out.println("  " + line);
    }
  }

  /** INFO by default; HAPI's per-request error logs for refused requests are left out. */
  private static void quietLogs() {
    if (org.slf4j.LoggerFactory.getILoggerFactory()
        instanceof ch.qos.logback.classic.LoggerContext logs) {
      logs.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(ch.qos.logback.classic.Level.INFO);
      logs.getLogger("ca.uhn.fhir.interceptor.executor.BaseInterceptorService")
          .setLevel(ch.qos.logback.classic.Level.OFF);
      logs.getLogger("ca.uhn.fhir.rest.server.interceptor.ExceptionHandlingInterceptor")
          .setLevel(ch.qos.logback.classic.Level.OFF);
    }
  }

  private static int number(String flag, String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(flag + " needs a number, got " + value);
    }
  }

  static String usage() {
    return "Usage: java -jar cerner-sandbox.jar [--port N] [--host NAME] [--tenant ID]"
        + " [--system-client-id ID] [--system-client-secret SECRET] [--mllp-port N]"
        + " [--sftp-port N] [--sftp-password PW] [--sftp-users FILE] [--sftp-root DIR]"
        + " [--work-dir DIR] [--seed N] [--patients N] [--token-lifetime SECONDS]"
        + " [--clients FILE] [--hl7-script FILE]";
  }
}
