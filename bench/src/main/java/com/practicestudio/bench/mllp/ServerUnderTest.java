package com.practicestudio.bench.mllp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * One server the load generator runs against, in its own JVM: ours (the real jar with its embedded
 * PostgreSQL) or a baseline from the benchmark jar. Reports the process's CPU time and, for ours,
 * the peak heap in use (from its GC log).
 */
final class ServerUnderTest implements AutoCloseable {

  static final String ADMIN_PASSWORD = "bench-admin-password";

  private final String name;
  private final Process process;
  private final int mllpPort;
  private final int httpPort;
  private String token;
  private final Path log;
  private final Path dataDir;
  private final HttpClient http = HttpClient.newHttpClient();
  private final Path gcLog;
  private long gcLogFrom;
  private Connection database;

  private ServerUnderTest(
      String name,
      Process process,
      int mllpPort,
      int httpPort,
      Path log,
      Path dataDir,
      Path gcLog) {
    this.dataDir = dataDir;
    this.gcLog = gcLog;
    this.name = name;
    this.process = process;
    this.mllpPort = mllpPort;
    this.httpPort = httpPort;
    this.log = log;
  }

  /** A baseline main class from the benchmark jar. */
  static ServerUnderTest baseline(String name, String mainClass, Path benchJar) throws Exception {
    int port = freePort();
    Path log = Files.createTempFile("bench-" + name + "-", ".log");
    Process p =
        new ProcessBuilder(
                java(), "-Xmx512m", "-cp", benchJar.toString(), mainClass, Integer.toString(port))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    ServerUnderTest server = new ServerUnderTest(name, p, port, -1, log, null, null);
    server.awaitPort(Duration.ofSeconds(60));
    return server;
  }

  /** The real server jar on a fresh data directory. */
  static ServerUnderTest ours(String name, Path appJar, boolean workers) throws Exception {
    return ours(name, appJar, workers, List.of());
  }

  /** The same, with more of the server's settings ({@code --name=value}). */
  static ServerUnderTest ours(String name, Path appJar, boolean workers, List<String> settings)
      throws Exception {
    int http = freePort();
    int mllp = freePort();
    Path data = Files.createTempDirectory("bench-data-");
    Path log = Files.createTempFile("bench-" + name + "-", ".log");
    Path gcLog = Files.createTempFile("bench-" + name + "-gc-", ".log");
    List<String> command =
        new ArrayList<>(
            List.of(
                java(),
                "-Xmx512m",
                "-Xlog:gc:file=" + gcLog,
                "-jar",
                appJar.toString(),
                "--practice-studio.data-dir=" + data,
                "--server.port=" + http,
                "--practice-studio.hl7.mllp.port=" + mllp,
                "--practice-studio.journal.workers.enabled=" + workers,
                "--logging.level.com.practicestudio.journal.ExchangeApplier=ERROR"));
    command.addAll(settings);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.redirectOutput(log.toFile());
    builder.environment().put("PRACTICE_STUDIO_ADMIN_PASSWORD", ADMIN_PASSWORD);
    ServerUnderTest server =
        new ServerUnderTest(name, builder.start(), mllp, http, log, data, gcLog);
    server.awaitPort(Duration.ofSeconds(180));
    return server;
  }

  String name() {
    return name;
  }

  int mllpPort() {
    return mllpPort;
  }

  /** A load on this server's MLLP port from this machine, under a run id of its own. */
  LoadGenerator.Config load(
      int connections, int window, Duration warmup, Duration measure, int rate) {
    return new LoadGenerator.Config(
        "127.0.0.1", mllpPort, connections, window, warmup, measure, rate, MllpBenchmark.runId());
  }

  /** The port of ours' embedded PostgreSQL, from the server's log. */
  int postgresPort() throws IOException {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("Embedded PostgreSQL started on port (\\d+)")
            .matcher(Files.readString(log, StandardCharsets.ISO_8859_1));
    if (!m.find()) {
      throw new IllegalStateException(name + " logged no embedded PostgreSQL port");
    }
    return Integer.parseInt(m.group(1));
  }

  /**
   * CPU time (user + system) used so far, in nanoseconds: the server's JVM and, for ours, its
   * embedded PostgreSQL (the postmaster and its backends).
   */
  long cpuNanos() {
    long jvm = process.toHandle().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    return jvm + (dataDir == null ? 0 : ProcCpu.postgresNanos(dataDir));
  }

  /** CPU time of the server's JIT compiler threads (a JVM still warming up spends much here). */
  long jitNanos() {
    return ProcCpu.threadNanos(process.pid(), thread -> thread.contains("CompilerThre"));
  }

  /**
   * From now on, {@link #heapPeakBytes} reports the largest heap in use before a collection, read
   * from the server's GC log (ours only). Polling the server for its heap would cost the server CPU
   * on every poll (a metrics scrape is ~9 ms of it) and still miss the peaks between two polls.
   */
  void watchHeap() throws IOException {
    gcLogFrom = gcLog == null ? 0 : Files.size(gcLog);
  }

  /** The peak heap in use since {@link #watchHeap}, in bytes; 0 when no collection ran. */
  long heapPeakBytes() throws IOException {
    if (gcLog == null) {
      return 0;
    }
    String log = Files.readString(gcLog, StandardCharsets.ISO_8859_1); // one char per byte
    return GcLog.peakBytes(log.substring((int) Math.min(gcLogFrom, log.length())));
  }

  /**
   * Whether the journal's work queue (rows waiting or being applied) is empty, asked of the
   * server's database: one row read, cheap enough to poll every 50 ms while a backlog drains, where
   * counting the queue reads the whole backlog and the stats API every row of the run (tens of
   * milliseconds of the server's CPU a call).
   */
  boolean queueEmpty() throws Exception {
    if (database == null) {
      database =
          DriverManager.getConnection(
              "jdbc:postgresql://localhost:" + postgresPort() + "/postgres?user=postgres");
    }
    try (Statement st = database.createStatement();
        ResultSet rs = st.executeQuery("SELECT NOT EXISTS (SELECT 1 FROM exchange_queue)")) {
      rs.next();
      return rs.getBoolean(1);
    }
  }

  /** The journal writer's group commits so far: all, and those that took over 10 and 50 ms. */
  record JournalCommits(long count, long over10ms, long over50ms) {
    JournalCommits since(JournalCommits before) {
      return new JournalCommits(
          count - before.count, over10ms - before.over10ms, over50ms - before.over50ms);
    }
  }

  /** From the {@code journal.write.batch} timer's buckets in the server's metrics. */
  JournalCommits journalCommits() throws Exception {
    String metrics = get("/actuator/prometheus");
    long count = number(metrics, "(?m)^journal_write_batch_seconds_count(?:\\{[^}]*})? (\\d+)");
    return new JournalCommits(
        count, count - commitsUpTo(metrics, "0.01"), count - commitsUpTo(metrics, "0.05"));
  }

  private static long commitsUpTo(String metrics, String seconds) {
    return number(
        metrics,
        "(?m)^journal_write_batch_seconds_bucket\\{[^}]*le=\"" + seconds + "\"[^}]*} (\\d+)");
  }

  /** HL7 inbound rows received since a time, by status, from the journal's stats API. */
  record JournalCounts(long applied, long failed, long unfinished) {}

  /**
   * Counts only the rows received since {@code from}: the stats query then reads only the journal's
   * newest blocks (its received-at index), not every row of history on every poll.
   */
  JournalCounts journalCounts(Instant from) throws Exception {
    String body = get("/api/v1/exchanges/stats?from=" + from);
    return new JournalCounts(
        count(body, "APPLIED"),
        count(body, "FAILED"),
        count(body, "RECEIVED") + count(body, "PROCESSING"));
  }

  private static long count(String stats, String status) {
    return number(
        stats,
        "\"channel\":\"HL7\",\"direction\":\"INBOUND\",\"status\":\""
            + status
            + "\",\"count\":(\\d+)");
  }

  private static long number(String json, String regex) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile(regex).matcher(json);
    return m.find() ? Long.parseLong(m.group(1)) : 0;
  }

  /**
   * GET with an API token: HTTP Basic would verify the admin's bcrypt hash on every call (tens of
   * milliseconds of CPU), and the samplers call every 250–500 ms — that would weigh on the server.
   */
  private String get(String path) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort + path))
            .header("Authorization", "Bearer " + token())
            .timeout(Duration.ofSeconds(10))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
  }

  private synchronized String token() throws Exception {
    if (token == null) {
      String auth =
          Base64.getEncoder()
              .encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
      HttpRequest request =
          HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort + "/api/v1/tokens"))
              .header("Authorization", "Basic " + auth)
              .header("Content-Type", "application/json")
              .timeout(Duration.ofSeconds(30))
              .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"benchmark\"}"))
              .build();
      String body = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
      java.util.regex.Matcher m =
          java.util.regex.Pattern.compile("\"token\":\"([^\"]+)\"").matcher(body);
      if (!m.find()) {
        throw new IllegalStateException("no API token from the server");
      }
      token = m.group(1);
    }
    return token;
  }

  private void awaitPort(Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited: " + Files.readString(log));
      }
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", mllpPort), 500);
        return;
      } catch (IOException e) {
        Thread.sleep(200);
      }
    }
    throw new IllegalStateException(name + " did not listen on " + mllpPort);
  }

  @Override
  public void close() throws Exception {
    if (database != null) {
      database.close();
    }
    process.destroy();
    if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
    if (dataDir != null) {
      // a run leaves gigabytes of journal behind; the log stays for a look afterwards
      try (var files = Files.walk(dataDir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
