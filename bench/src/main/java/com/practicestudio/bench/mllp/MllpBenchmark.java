package com.practicestudio.bench.mllp;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The MLLP ingest benchmark: 1 KB ADT^A04 messages at 1, 4, 16 and 64 connections, lock-step
 * (window 1) and pipelined (window 16), against our server (the real jar, embedded PostgreSQL,
 * every ACK after the journal commit) and three baselines that store nothing — a bare Java MLLP
 * server, Apache Camel camel-mllp with autoAck and HAPI's HL7Service; then ours at a fixed 5,000
 * msg/s for latency, PostgreSQL alone committing one journal row at a time on ours' database (the
 * limit of a lock-step connection, {@link JournalCommitLimit}), and ours with its workers applying
 * what it stores. The {@code latency} target only compares ours at 5,000 msg/s with PostgreSQL
 * alone committing at that rate, in turn. Prints Markdown for {@code docs/benchmarks.md}.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar com.practicestudio.bench.mllp.MllpBenchmark \
 *     [--app-jar app/target/practice-studio.jar] [--bench-jar bench/target/benchmarks.jar] \
 *     [--seconds 8] [--warmup 4] [--targets ours,bare,camel,hapi,ours+workers|latency]
 * </pre>
 */
public final class MllpBenchmark {

  private static final int[] CONNECTIONS = {1, 4, 16, 64};
  private static final int[] WINDOWS = {1, 16};
  private static final int LATENCY_RATE = 5_000;

  private MllpBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path appJar = Path.of(option(args, "--app-jar", "app/target/practice-studio.jar"));
    Path benchJar = Path.of(option(args, "--bench-jar", "bench/target/benchmarks.jar"));
    Duration measure = Duration.ofSeconds(Long.parseLong(option(args, "--seconds", "8")));
    Duration warmup = Duration.ofSeconds(Long.parseLong(option(args, "--warmup", "4")));
    List<String> targets =
        List.of(option(args, "--targets", "ours,bare,camel,hapi,ours+workers").split(","));
    System.out.println(machine());
    if (targets.equals(List.of("latency"))) {
      latency(appJar, warmup, measure);
      return;
    }
    System.out.println(
        "| server | conns | window | msg/s | p50 ms | p99 ms | p99.9 ms | errors | server CPU µs/msg | heap peak MiB | load avg |");
    System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
    for (String target : targets) {
      if (target.strip().equals("ours+workers")) {
        continue;
      }
      try (ServerUnderTest server = start(target.strip(), appJar, benchJar, false)) {
        warmUp(server, target.strip());
        for (int window : WINDOWS) {
          if (window > 1 && target.strip().equals("camel")) {
            // camel-mllp reads one frame per socket read and drops the rest (seen in this
            // benchmark: MSA-2 skips ahead), so it cannot be measured pipelined
            System.out.println(
                "| camel | * | "
                    + window
                    + " | not measured: drops pipelined frames | | | | | | | |");
            continue;
          }
          for (int connections : CONNECTIONS) {
            run(server, server.load(connections, window, warmup, measure, 0));
          }
        }
        if (target.strip().equals("ours")) {
          run(server, server.load(16, 16, warmup, measure.plusSeconds(2), LATENCY_RATE));
          commitLimit(server, warmup, measure);
        }
      }
    }
    if (targets.contains("ours+workers")) {
      try (ServerUnderTest server = start("ours+workers", appJar, benchJar, true)) {
        warmUp(server, "ours+workers");
        run(server, server.load(16, 16, warmup, measure, 0));
        run(server, server.load(64, 16, warmup, measure, 0));
      }
    }
  }

  /**
   * PostgreSQL alone, on ours' database, one journal row per commit: what one lock-step connection
   * could reach at best on this machine.
   */
  private static void commitLimit(ServerUnderTest server, Duration warmup, Duration measure)
      throws Exception {
    JournalCommitLimit limit = new JournalCommitLimit(server.postgresPort());
    for (int clients : CONNECTIONS) {
      // no CPU figure: the clients' PostgreSQL backends end with them, and their CPU time with them
      print("postgresql: 1 row per commit", limit.run(clients, warmup, measure), -1, 0);
    }
  }

  /**
   * The latency target: ours at 5,000 msg/s offered over 4, 16 and 64 pipelined connections, three
   * rounds, each row beside how many of the journal's own commits (insert and fsync) took over 10
   * and 50 ms meanwhile, warm-up seconds included; then PostgreSQL alone committing one row at a
   * time at the same rate from 16 clients.
   */
  private static void latency(Path appJar, Duration warmup, Duration measure) throws Exception {
    System.out.println(
        "| server | conns | window | msg/s | p50 ms | p99 ms | p99.9 ms | max ms | journal commits | over 10 ms | over 50 ms | load avg |");
    System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
    try (ServerUnderTest server = ServerUnderTest.ours("ours", appJar, false)) {
      warmUp(server, "ours");
      for (int round = 0; round < 3; round++) {
        for (int connections : new int[] {4, 16, 64}) {
          ServerUnderTest.JournalCommits before = server.journalCommits();
          LoadGenerator.Result r =
              new LoadGenerator(server.load(connections, 16, warmup, measure, LATENCY_RATE)).run();
          printLatency(server.name(), r, server.journalCommits().since(before));
        }
      }
      JournalCommitLimit limit = new JournalCommitLimit(server.postgresPort());
      printLatency(
          "postgresql: 1 row per commit", limit.run(16, LATENCY_RATE, warmup, measure), null);
    }
  }

  private static void printLatency(
      String name, LoadGenerator.Result r, ServerUnderTest.JournalCommits commits) {
    System.out.printf(
        Locale.ROOT,
        "| %s | %d | %s | %,.0f | %.2f | %.2f | %.2f | %.2f | %s | %s | %s | %s |%n",
        name,
        r.connections(),
        r.window() + " @ " + r.rate() + "/s",
        r.perSecond(),
        r.p50Micros() / 1000,
        r.p99Micros() / 1000,
        r.p999Micros() / 1000,
        r.maxMicros() / 1000,
        commits == null ? "—" : String.format(Locale.ROOT, "%,d", commits.count()),
        commits == null ? "—" : Long.toString(commits.over10ms()),
        commits == null ? "—" : Long.toString(commits.over50ms()),
        loadAverage());
  }

  /** 20 s of load before measuring, so that the JIT has compiled the hot paths. */
  private static void warmUp(ServerUnderTest server, String target) throws Exception {
    int window = target.equals("camel") ? 1 : 16;
    new LoadGenerator(server.load(16, window, Duration.ofSeconds(15), Duration.ofSeconds(5), 0))
        .run();
  }

  private static ServerUnderTest start(String target, Path appJar, Path benchJar, boolean workers)
      throws Exception {
    return switch (target) {
      case "ours" -> ServerUnderTest.ours("ours", appJar, false);
      case "ours+workers" -> ServerUnderTest.ours("ours+workers", appJar, true);
      case "bare" -> ServerUnderTest.baseline("bare", BareMllpServer.class.getName(), benchJar);
      case "camel" -> ServerUnderTest.baseline("camel", CamelMllpServer.class.getName(), benchJar);
      case "hapi" -> ServerUnderTest.baseline("hapi", HapiMllpServer.class.getName(), benchJar);
      default -> throw new IllegalArgumentException("unknown target " + target);
    };
  }

  private static void run(ServerUnderTest server, LoadGenerator.Config config) throws Exception {
    long cpuBefore = server.cpuNanos();
    server.watchHeap();
    LoadGenerator.Result r = new LoadGenerator(config).run();
    long heap = server.heapPeakBytes();
    print(server.name(), r, server.cpuNanos() - cpuBefore, heap);
  }

  private static void print(String name, LoadGenerator.Result r, long cpu, long heap) {
    // CPU over the whole run (warm-up and drain included) per message acknowledged in it
    String perMessage =
        cpu < 0 || r.total() == 0
            ? "—"
            : String.format(Locale.ROOT, "%.0f", cpu / 1000.0 / r.total());
    System.out.printf(
        Locale.ROOT,
        "| %s | %d | %s | %,.0f | %.2f | %.2f | %.2f | %d | %s | %s | %s |%n",
        name,
        r.connections(),
        r.rate() > 0 ? r.window() + " @ " + r.rate() + "/s" : Integer.toString(r.window()),
        r.perSecond(),
        r.p50Micros() / 1000,
        r.p99Micros() / 1000,
        r.p999Micros() / 1000,
        r.errors(),
        perMessage,
        heap > 0 ? Long.toString(heap >> 20) : "—",
        loadAverage());
    if (r.firstError() != null) {
      System.out.println("<!-- first error: " + r.firstError() + " -->");
    }
  }

  static String runId() {
    return Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase(Locale.ROOT);
  }

  static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (Exception e) {
      return "?";
    }
  }

  private static String machine() {
    Runtime rt = Runtime.getRuntime();
    String mem = "?";
    try {
      mem = Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("\\s+", " ");
    } catch (Exception e) {
      // not Linux
    }
    return "<!-- "
        + Instant.now()
        + ", "
        + rt.availableProcessors()
        + " CPUs, "
        + mem
        + ", Java "
        + System.getProperty("java.version")
        + ", load average "
        + loadAverage()
        + " -->";
  }

  static String option(String[] args, String name, String fallback) {
    for (int i = 0; i < args.length - 1; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return fallback;
  }
}
