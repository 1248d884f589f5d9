package com.practicestudio.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The built server jar ({@code app/target/practice-studio.jar}) run as a separate process, as an
 * operator would run it: for start-up, restart and {@code kill -9} tests.
 */
public final class ServerProcess implements AutoCloseable {

  private final String command;
  private final Path dataDir;
  private final int port;
  private final List<String> extraArgs;
  private final HttpClient http = HttpClient.newHttpClient();
  private Process process;
  private Path log;

  public ServerProcess(Path dataDir, List<String> extraArgs) throws IOException {
    this("serve", dataDir, extraArgs);
  }

  /** A server started by {@code command} ({@code serve}, {@code demo}). */
  public ServerProcess(String command, Path dataDir, List<String> extraArgs) throws IOException {
    this.command = command;
    this.dataDir = dataDir;
    this.extraArgs = extraArgs;
    this.port = freePort();
  }

  public static Path jar() {
    Path jar = Path.of(System.getProperty("app.jar", "target/practice-studio.jar"));
    if (!Files.exists(jar)) {
      throw new IllegalStateException("build the server jar first: " + jar.toAbsolutePath());
    }
    return jar;
  }

  /** Starts the server and answers the milliseconds until {@code /actuator/health} was UP. */
  public long start() throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-jar", jar().toAbsolutePath().toString(), this.command));
    command.add("--practice-studio.data-dir=" + dataDir);
    command.add("--server.port=" + port);
    command.add("--practice-studio.hl7.mllp.port=0");
    command.addAll(extraArgs);
    log = Files.createTempFile("ps-server-", ".log");
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.redirectOutput(log.toFile());
    builder.environment().put("PRACTICE_STUDIO_ADMIN_PASSWORD", TestUsers.ADMIN_PASSWORD);
    long started = System.nanoTime();
    process = builder.start();
    long deadline = started + Duration.ofSeconds(120).toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("server exited: " + Files.readString(log));
      }
      if (healthy()) {
        return (System.nanoTime() - started) / 1_000_000;
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("server did not become healthy: " + Files.readString(log));
  }

  public String output() throws IOException {
    return Files.readString(log);
  }

  public HttpResponse<String> get(String path, String user, String password) throws Exception {
    return http.send(
        request(path, user, password).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<String> postJson(String path, String json, String user, String password)
      throws Exception {
    return http.send(
        request(path, user, password)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<String> getWithBearer(String path, String token) throws Exception {
    return http.send(
        request(path, null, null).header("Authorization", "Bearer " + token).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** SIGKILL: no shutdown hooks, no clean database stop. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  /** SIGTERM: the server shuts down gracefully and stops its database. */
  public int stop() throws InterruptedException {
    process.destroy();
    return process.waitFor();
  }

  @Override
  public void close() throws Exception {
    if (process != null && process.isAlive()) {
      stop();
    }
  }

  private HttpRequest.Builder request(String path, String user, String password) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .timeout(Duration.ofSeconds(30));
    if (user != null) {
      String basic =
          Base64.getEncoder()
              .encodeToString(
                  (user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      builder.header("Authorization", "Basic " + basic);
    }
    return builder;
  }

  private boolean healthy() {
    try {
      HttpResponse<String> response = get("/actuator/health", null, null);
      return response.statusCode() == 200 && response.body().contains("\"UP\"");
    } catch (Exception e) {
      return false;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
