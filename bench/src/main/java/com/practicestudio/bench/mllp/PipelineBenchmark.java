package com.practicestudio.bench.mllp;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * The full HL7 pipeline: 1 KB ADT^A04 messages over MLLP into the real jar with its workers on,
 * each message stored (ACK after commit) and then applied to a patient by the ADT handler (create
 * or update, with its encounter, coverage, provider and location). The MRNs cycle over 10,000
 * patients, so rows of many correlation keys apply in parallel. Applied msg/s counts from the first
 * message sent until the journal's backlog is empty again.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar com.practicestudio.bench.mllp.PipelineBenchmark \
 *     [--app-jar app/target/practice-studio.jar] [--seconds 20] [--warmup 30] [--connections 16] \
 *     [--window 16] [--workers N]
 * </pre>
 *
 * <p>The warm-up is a load of its own, drained before the measured runs. It must be long: the JIT
 * compiles the server's paths for the first ~45 s of load, and its threads then take a quarter of
 * the two cores. The "JIT" column shows their share of the server's CPU in each measured run.
 */
public final class PipelineBenchmark {

  private static final Duration DRAIN_LIMIT = Duration.ofMinutes(10);

  private PipelineBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path appJar =
        Path.of(MllpBenchmark.option(args, "--app-jar", "app/target/practice-studio.jar"));
    Duration measure =
        Duration.ofSeconds(Long.parseLong(MllpBenchmark.option(args, "--seconds", "20")));
    int connections = Integer.parseInt(MllpBenchmark.option(args, "--connections", "16"));
    int window = Integer.parseInt(MllpBenchmark.option(args, "--window", "16"));
    Duration warmup =
        Duration.ofSeconds(Long.parseLong(MllpBenchmark.option(args, "--warmup", "30")));
    String workers = MllpBenchmark.option(args, "--workers", null);
    List<String> settings =
        workers == null ? List.of() : List.of("--practice-studio.journal.workers.size=" + workers);
    System.out.println(
        "<!-- load average "
            + MllpBenchmark.loadAverage()
            + ", warm-up "
            + warmup.toSeconds()
            + " s, workers "
            + (workers == null ? "default" : workers)
            + " -->");
    System.out.println(
        "| offered | conns | window | ACK msg/s | ACK p99 ms | applied | failed | applied msg/s"
            + " | drain after load s | CPU µs/applied msg | JIT % of CPU | load generator CPU µs/msg"
            + " | heap peak MiB | load avg |");
    System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
    try (ServerUnderTest server = ServerUnderTest.ours("pipeline", appJar, true, settings)) {
      run(server, connections, window, warmup, 0, false); // JIT warm-up
      run(server, connections, window, measure, 0, true);
      run(server, connections, window, measure, 5_000, true);
    }
  }

  private static void run(
      ServerUnderTest server,
      int connections,
      int window,
      Duration measure,
      int rate,
      boolean print)
      throws Exception {
    // the earlier loads are drained, so every row received from here on is this run's
    Instant since = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    long cpuBefore = server.cpuNanos();
    long jitBefore = server.jitNanos();
    long generatorBefore = ownCpuNanos();
    server.watchHeap();
    long start = System.nanoTime();
    LoadGenerator.Result r =
        new LoadGenerator(server.load(connections, window, Duration.ZERO, measure, rate)).run();
    long loadEnd = System.nanoTime();
    long generator = ownCpuNanos() - generatorBefore;
    Drained drained = awaitDrained(server, since);
    ServerUnderTest.JournalCounts after = drained.counts();
    long end = drained.atNanos();
    long heap = server.heapPeakBytes();
    long cpu = server.cpuNanos() - cpuBefore;
    long jit = server.jitNanos() - jitBefore;
    long applied = after.applied();
    long failed = after.failed();
    if (!print) {
      return;
    }
    System.out.printf(
        Locale.ROOT,
        "| %s | %d | %d | %,.0f | %.1f | %,d | %d | **%,.0f** | %.1f | %.0f | %.1f | %.0f | %d | %s"
            + " |%n",
        rate > 0 ? rate + "/s" : "max",
        connections,
        window,
        r.perSecond(),
        r.p99Micros() / 1000,
        applied,
        failed,
        applied / ((end - start) / 1e9),
        (end - loadEnd) / 1e9,
        applied > 0 ? cpu / 1000.0 / applied : 0,
        cpu > 0 ? 100.0 * jit / cpu : 0,
        r.total() > 0 ? generator / 1000.0 / r.total() : 0,
        heap >> 20,
        MllpBenchmark.loadAverage());
  }

  /** This JVM's CPU time: the load generator's, sharing the server's two cores. */
  private static long ownCpuNanos() {
    return ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
  }

  /** When the work queue was seen empty, and the run's counts read after that. */
  private record Drained(long atNanos, ServerUnderTest.JournalCounts counts) {}

  /**
   * Waits until every row of the run is applied or failed, claimed ones included: until the work
   * queue is empty, then once more through the stats API, which also gives the run's counts. The
   * run ends when the queue was seen empty: the stats call after it is the benchmark's, not the
   * pipeline's.
   */
  private static Drained awaitDrained(ServerUnderTest server, Instant since) throws Exception {
    long deadline = System.nanoTime() + DRAIN_LIMIT.toNanos();
    while (System.nanoTime() < deadline) {
      if (server.queueEmpty()) {
        long emptyAt = System.nanoTime();
        ServerUnderTest.JournalCounts counts = server.journalCounts(since);
        if (counts.unfinished() == 0) {
          return new Drained(emptyAt, counts);
        }
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException("the journal did not drain within " + DRAIN_LIMIT);
  }
}
