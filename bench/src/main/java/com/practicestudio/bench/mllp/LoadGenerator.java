package com.practicestudio.bench.mllp;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

/**
 * The MLLP load generator: {@code connections} TCP connections, each with a writer thread that
 * keeps up to {@code window} messages in flight (1 = classic lock-step MLLP: send, wait for the
 * ACK, send the next) and a reader thread that takes the ACKs in order and checks them (MSA-1 AA or
 * CA, MSA-2 = the message's MSH-10). With a {@code rate}, writers send on a fixed schedule and
 * latency counts from the scheduled time (no coordinated omission); otherwise they send as fast as
 * the window allows. Throughput counts ACKs received inside the measurement window, after a
 * warm-up.
 */
public final class LoadGenerator {

  record Config(
      String host,
      int port,
      int connections,
      int window,
      Duration warmup,
      Duration measure,
      int rate,
      String runId) {}

  record Result(
      int connections,
      int window,
      int rate,
      long messages,
      long errors,
      double perSecond,
      double p50Micros,
      double p99Micros,
      double p999Micros,
      double maxMicros,
      long total,
      String firstError) {

    /** The figures of a run from its measured latencies (nanoseconds, one per answered message). */
    static Result of(
        int connections,
        int window,
        int rate,
        LongList latencies,
        long errors,
        Duration measure,
        long total,
        String firstError) {
      long[] sorted = latencies.sorted();
      return new Result(
          connections,
          window,
          rate,
          sorted.length,
          errors,
          sorted.length / (measure.toNanos() / 1e9),
          percentile(sorted, 50),
          percentile(sorted, 99),
          percentile(sorted, 99.9),
          sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1000.0,
          total,
          firstError);
    }
  }

  private static final byte START = 0x0B;
  private static final byte END = 0x1C;
  private static final byte CR = 0x0D;

  private final Config config;
  private final byte[] template = AdtMessage.template();
  private final int idOffset = AdtMessage.idOffset(template);
  private final int mrnOffset = AdtMessage.mrnOffset(template);
  private final int[] finOffsets = AdtMessage.finOffsets(template);
  private volatile boolean stop;
  private volatile long measureFrom;
  private volatile long measureTo = Long.MAX_VALUE;
  private final List<Connection> connections = new ArrayList<>();

  LoadGenerator(Config config) {
    this.config = config;
  }

  /**
   * One load run against a running server: {@code host port connections window seconds [rate]};
   * {@code -Dtimeline=true} adds the second-by-second worst latency.
   */
  public static void main(String[] args) throws Exception {
    Config config =
        new Config(
            args[0],
            Integer.parseInt(args[1]),
            Integer.parseInt(args[2]),
            Integer.parseInt(args[3]),
            Duration.ofSeconds(2),
            Duration.ofSeconds(Long.parseLong(args[4])),
            args.length > 5 ? Integer.parseInt(args[5]) : 0,
            Long.toString(System.nanoTime() % 1_000_000_000L, 36)
                .toUpperCase(java.util.Locale.ROOT));
    LoadGenerator generator = new LoadGenerator(config);
    System.out.println(generator.run());
    if (Boolean.getBoolean("timeline")) {
      System.out.print(generator.timeline());
    }
  }

  Result run() throws Exception {
    for (int c = 0; c < config.connections(); c++) {
      connections.add(new Connection(c));
    }
    long start = System.nanoTime();
    measureFrom = start + config.warmup().toNanos();
    measureTo = measureFrom + config.measure().toNanos();
    connections.forEach(c -> c.start(start));
    long until = measureTo;
    while (System.nanoTime() < until) {
      Thread.sleep(50);
    }
    stop = true;
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    for (Connection c : connections) {
      c.finish(deadline);
    }
    long errors = 0;
    LongList all = new LongList();
    for (Connection c : connections) {
      errors += c.errors;
      all.addAll(c.latencies);
    }
    return Result.of(
        config.connections(),
        config.window(),
        config.rate(),
        all,
        errors,
        config.measure(),
        connections.stream().mapToLong(c -> c.total).sum(),
        connections.stream()
            .map(c -> c.firstError)
            .filter(java.util.Objects::nonNull)
            .findFirst()
            .orElse(null));
  }

  private static double percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int index = (int) Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1);
    return sorted[Math.max(0, index)] / 1000.0;
  }

  private static final int TIMELINE_SECONDS = 600;
  private static final long SLOW_NANOS = 10_000_000;

  /**
   * Second by second of the measured window: the worst latency (ms) and how many ACKs took over 10
   * ms — to see whether a high p99 is spread out or a few stalls.
   */
  String timeline() {
    StringBuilder out = new StringBuilder("second  worst ms  ACKs > 10 ms\n");
    int seconds = (int) Math.min(TIMELINE_SECONDS, config.measure().toSeconds());
    for (int t = 0; t < seconds; t++) {
      long worst = 0;
      int slow = 0;
      for (Connection c : connections) {
        worst = Math.max(worst, c.worstPerSecond[t]);
        slow += c.slowPerSecond[t];
      }
      out.append(String.format(java.util.Locale.ROOT, "%6d  %8.1f  %d%n", t, worst / 1e6, slow));
    }
    return out.toString();
  }

  /** One connection: a writer and a reader thread. */
  private final class Connection {
    private static final int RING = 1 << 12;
    private final int number;
    private final Socket socket = new Socket();
    private final Semaphore window = new Semaphore(config.window());
    private final AtomicLongArray sentAt = new AtomicLongArray(RING);
    private final LongList latencies = new LongList();
    private final long[] worstPerSecond = new long[TIMELINE_SECONDS];
    private final int[] slowPerSecond = new int[TIMELINE_SECONDS];
    private Thread writer;
    private Thread reader;
    private volatile long sent;
    private volatile long acked;
    long errors;
    long total;
    String firstError;

    Connection(int number) throws IOException {
      this.number = number;
      socket.setTcpNoDelay(true);
      socket.connect(new InetSocketAddress(config.host(), config.port()), 10_000);
    }

    void start(long startNanos) {
      writer = new Thread(() -> write(startNanos), "load-w" + number);
      reader = new Thread(this::read, "load-r" + number);
      writer.setDaemon(true);
      reader.setDaemon(true);
      writer.start();
      reader.start();
    }

    /** Waits (until the shared deadline) for the ACKs still in flight, then closes. */
    void finish(long deadline) throws Exception {
      writer.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
      while (acked < sent && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      socket.close();
      reader.join(1_000);
    }

    private String id(long seq) {
      String s = Long.toString(seq);
      String c = Integer.toString(number, 36);
      String prefix = config.runId() + (c.length() == 1 ? "0" + c : c);
      return prefix + "0".repeat(AdtMessage.ID_LENGTH - prefix.length() - s.length()) + s;
    }

    private void write(long startNanos) {
      byte[] frame = new byte[template.length + 3];
      frame[0] = START;
      System.arraycopy(template, 0, frame, 1, template.length);
      frame[frame.length - 2] = END;
      frame[frame.length - 1] = CR;
      double interval = config.rate() > 0 ? 1e9 * config.connections() / config.rate() : 0;
      // not closed here: closing a socket's stream closes the socket, and the ACKs still in flight
      // would never be read (finish() then waited out its whole deadline); finish() closes it
      try {
        OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 1 << 16);
        for (long seq = 0; !stop; seq++) {
          long scheduled = 0;
          if (interval > 0) {
            scheduled = startNanos + (long) (seq * interval);
            for (long now = System.nanoTime(); now < scheduled; now = System.nanoTime()) {
              LockSupport.parkNanos(scheduled - now);
            }
          }
          if (!window.tryAcquire()) {
            out.flush();
            window.acquire();
          }
          if (stop) {
            break;
          }
          byte[] id = id(seq).getBytes(StandardCharsets.US_ASCII);
          System.arraycopy(id, 0, frame, 1 + idOffset, id.length);
          int patient = AdtMessage.patient(number, seq);
          byte[] mrn = AdtMessage.mrn(patient);
          System.arraycopy(mrn, 0, frame, 1 + mrnOffset, mrn.length);
          byte[] fin = AdtMessage.fin(patient);
          for (int at : finOffsets) {
            System.arraycopy(fin, 0, frame, 1 + at, fin.length);
          }
          sentAt.set((int) (seq % RING), interval > 0 ? scheduled : System.nanoTime());
          out.write(frame);
          sent = seq + 1;
          if (interval > 0) {
            out.flush();
          }
        }
        out.flush();
      } catch (IOException | InterruptedException e) {
        // closed at the end
      }
    }

    private void read() {
      byte[] buffer = new byte[1 << 12];
      int length = 0;
      try (InputStream in = new BufferedInputStream(socket.getInputStream(), 1 << 16)) {
        int b;
        while ((b = in.read()) >= 0) {
          if (b == START) {
            length = 0;
          } else if (b == END) {
            in.read(); // CR
            answered(buffer, length);
          } else if (length < buffer.length) {
            buffer[length++] = (byte) b;
          }
        }
      } catch (IOException e) {
        // closed at the end
      }
    }

    private void answered(byte[] answer, int length) {
      long now = System.nanoTime();
      long seq = acked++;
      long at = sentAt.get((int) (seq % RING));
      window.release();
      String text = new String(answer, 0, length, StandardCharsets.ISO_8859_1);
      int msa = text.indexOf("\rMSA|");
      boolean ok =
          msa >= 0
              && (text.startsWith("AA|", msa + 5) || text.startsWith("CA|", msa + 5))
              && text.startsWith(id(seq), msa + 8);
      if (ok) {
        total++;
      }
      if (now >= measureFrom && now < measureTo) {
        if (ok) {
          latencies.add(now - at);
          int second = (int) ((now - measureFrom) / 1_000_000_000L);
          if (second < TIMELINE_SECONDS) {
            worstPerSecond[second] = Math.max(worstPerSecond[second], now - at);
            if (now - at > SLOW_NANOS) {
              slowPerSecond[second]++;
            }
          }
        } else {
          errors++;
          if (firstError == null) {
            firstError = "expected " + id(seq) + ", got " + text.replace('\r', '/');
          }
        }
      }
    }
  }

  /** A growable list of longs without boxing. */
  static final class LongList {
    private long[] values = new long[1 << 14];
    private int size;

    void add(long v) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = v;
    }

    void addAll(LongList other) {
      for (int i = 0; i < other.size; i++) {
        add(other.values[i]);
      }
    }

    long[] sorted() {
      long[] copy = Arrays.copyOf(values, size);
      Arrays.sort(copy);
      return copy;
    }
  }
}
