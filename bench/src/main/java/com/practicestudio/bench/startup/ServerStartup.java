package com.practicestudio.bench.startup;

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
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures how long {@code java -jar app/target/practice-studio.jar} takes until {@code
 * /actuator/health} answers UP: a first start on an empty data directory (PostgreSQL initdb, all
 * migrations) and restarts on the same data directory. Beside it, as the baseline in the same run,
 * the part of each start spent starting the embedded PostgreSQL (from the server's log).
 *
 * <p>Usage: {@code java -cp bench/target/classes com.practicestudio.bench.startup.ServerStartup
 * app/target/practice-studio.jar [restarts]}
 */
public final class ServerStartup {

  private static final Pattern PG_MILLIS =
      Pattern.compile("Embedded PostgreSQL started on port \\d+ in (\\d+) ms");

  private ServerStartup() {}

  public static void main(String[] args) throws Exception {
    Path jar = Path.of(args.length > 0 ? args[0] : "app/target/practice-studio.jar");
    int restarts = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    Path dataDir = Files.createTempDirectory("ps-startup-");
    List<String> rows = new ArrayList<>();
    rows.add("| run | time to health UP (ms) | of which embedded PostgreSQL start (ms) |");
    rows.add("|---|---|---|");
    for (int run = 0; run <= restarts; run++) {
      Measurement m = measure(jar, dataDir);
      rows.add(
          "| "
              + (run == 0 ? "first start (empty data dir)" : "restart " + run)
              + " | "
              + m.healthMillis()
              + " | "
              + m.postgresMillis()
              + " |");
    }
    rows.forEach(System.out::println);
  }

  record Measurement(long healthMillis, long postgresMillis) {}

  static Measurement measure(Path jar, Path dataDir) throws Exception {
    int port = freePort();
    Path log = Files.createTempFile("ps-startup-", ".log");
    List<String> command =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-jar",
            jar.toAbsolutePath().toString(),
            "--practice-studio.data-dir=" + dataDir,
            "--server.port=" + port,
            "--practice-studio.hl7.mllp.port=0");
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.redirectOutput(log.toFile());
    builder.environment().put("PRACTICE_STUDIO_ADMIN_PASSWORD", "startup-benchmark-password");
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest health =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
            .timeout(Duration.ofSeconds(2))
            .build();
    long started = System.nanoTime();
    Process process = builder.start();
    try {
      while (true) {
        if (!process.isAlive()) {
          throw new IllegalStateException("server exited:\n" + Files.readString(log));
        }
        try {
          HttpResponse<String> response = http.send(health, HttpResponse.BodyHandlers.ofString());
          if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
            long millis = (System.nanoTime() - started) / 1_000_000;
            Matcher pg = PG_MILLIS.matcher(Files.readString(log));
            return new Measurement(millis, pg.find() ? Long.parseLong(pg.group(1)) : -1);
          }
        } catch (IOException notYet) {
          // not listening yet
        }
        Thread.sleep(50);
      }
    } finally {
      process.destroy();
      process.waitFor();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
