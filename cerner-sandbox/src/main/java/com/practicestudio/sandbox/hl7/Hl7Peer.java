package com.practicestudio.sandbox.hl7;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.practicestudio.hl7v2.Hl7Message;
import com.practicestudio.mllp.ListenerOptions;
import com.practicestudio.mllp.MllpListener;
import com.practicestudio.sandbox.SandboxComponent;
import com.practicestudio.sandbox.SandboxContext;
import com.practicestudio.sandbox.data.AppointmentRecord;
import com.practicestudio.sandbox.data.DataChange;
import jakarta.servlet.http.HttpServlet;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sandbox's HL7 v2 side, an MLLP peer that behaves like a Cerner Millennium interface (Open
 * Engine / FSI): it sends Cerner-shaped v2.3 messages generated from the seeded domain (or given
 * literally) to a host and port and records the ACKs, and it listens for messages (Practice
 * Studio's outbound SIU) and answers them as its {@link AnswerPolicy} says, recording each.
 *
 * <pre>{@code
 * try (CernerSandbox sandbox = CernerSandbox.builder().mllpPort(0).build().start()) {
 *   Hl7Peer hl7 = sandbox.hl7();
 *   Hl7Run run = hl7.send(Target.local(appPort), hl7.generate("ADT^A04", 3));
 *   run.messages().forEach(m -> assertThat(m.ackCode()).isEqualTo("AA"));
 *   hl7.answers().forType("SIU^S12", Answer.error("Slot locked"));
 *   // ... the app books; then:
 *   List<ReceivedMessage> got = hl7.awaitReceived(1, Duration.ofSeconds(10));
 * }
 * }</pre>
 *
 * Logs carry counts, ports and run ids, never message content.
 */
public final class Hl7Peer implements SandboxComponent {

  private static final Logger log = LoggerFactory.getLogger(Hl7Peer.class);
  private static final int KEPT_RUNS = 1000;

  private final Hl7Profile profile;
  private final Path scriptFile;
  private final ControlIds controlIds = new ControlIds();
  private final AtomicLong runIds = new AtomicLong();
  private final Map<Long, Hl7Run> runs = new ConcurrentSkipListMap<>();
  private final ExecutorService executor =
      Executors.newCachedThreadPool(
          runnable -> {
            Thread thread = new Thread(runnable, "hl7-peer-run");
            thread.setDaemon(true);
            return thread;
          });
  private volatile Started started;
  private volatile Target bookingsTo;

  /** The default profile, no script at start. */
  public Hl7Peer() {
    this(Hl7Profile.defaults(), null);
  }

  /**
   * @param scriptFile a JSON script (see {@link ScriptJson}) to send once started, or null
   */
  public Hl7Peer(Hl7Profile profile, Path scriptFile) {
    this.profile = profile;
    this.scriptFile = scriptFile;
  }

  @Override
  public String name() {
    return "MLLP peer";
  }

  @Override
  public String start(SandboxContext context) throws IOException {
    Hl7Script script = scriptFile == null ? null : readScript(scriptFile);
    Clock clock = context.clock();
    Domain domain = new Domain(context.data(), profile, controlIds, clock);
    AnswerPolicy policy = new AnswerPolicy(context.options().seed());
    InboundHandler handler =
        new InboundHandler(policy, clock, controlIds, domain.defaultZone(), profile);
    String host = context.options().host();
    MllpListener listener = listener(host, context.options().mllpPort(), handler);
    listener.start();
    context.data().addListener(this::booked);
    started =
        new Started(
            host,
            domain,
            new MessageGenerator(domain, context.options().seed()),
            policy,
            handler,
            listener,
            new ScriptRunner(clock));
    String line =
        "listening on "
            + host
            + ":"
            + listener.port()
            + ", admin "
            + context.urls().adminBase()
            + "/hl7";
    if (script != null) {
      Hl7Run run;
      try {
        run = start(script);
      } catch (RuntimeException e) {
        close();
        throw e;
      }
      line += "; sending " + run.planned() + " messages to " + run.target() + " (" + run.id() + ")";
    }
    return line;
  }

  @Override
  public void close() {
    Started current = started;
    started = null;
    if (current == null) {
      return;
    }
    current.runner().stop();
    executor.shutdownNow();
    current.handler().close();
    current.listener().stop(Duration.ofSeconds(2));
    log.info("MLLP peer stopped after {} runs", runs.size());
  }

  /** The listener's port. */
  public int port() {
    return require().listener().port();
  }

  /** Where Practice Studio should send its outbound messages. */
  public Target listenerTarget() {
    Started current = require();
    return new Target(current.host(), current.listener().port());
  }

  public Hl7Profile profile() {
    return profile;
  }

  /**
   * Generates messages from the seeded domain without sending them.
   *
   * @throws IllegalArgumentException for an unknown patient or MRN, or when no record fits
   */
  public List<Hl7Message> generate(GenerateSpec spec) {
    return require().generator().generate(spec);
  }

  /** {@code count} messages of {@code type} (e.g. {@code ORU^R01}) about any patients. */
  public List<Hl7Message> generate(String type, int count) {
    return generate(GenerateSpec.of(type, count));
  }

  /** Sends these messages one at a time and returns the finished run. */
  public Hl7Run send(Target target, List<Hl7Message> messages) {
    Hl7Script.Builder script = Hl7Script.to(target);
    messages.forEach(message -> script.message(message.encode()));
    return send(script.build());
  }

  /** Runs a script on the calling thread and returns the finished run. */
  public Hl7Run send(Hl7Script script) {
    Prepared prepared = prepare(script);
    require().runner().run(prepared.run(), prepared.plan(), script);
    return prepared.run();
  }

  /**
   * Starts a script in the background; follow it with {@link #run(String)}.
   *
   * @throws IllegalArgumentException when a generate spec cannot be met
   */
  public Hl7Run start(Hl7Script script) {
    Prepared prepared = prepare(script);
    ScriptRunner runner = require().runner();
    executor.execute(() -> runner.run(prepared.run(), prepared.plan(), script));
    return prepared.run();
  }

  public Optional<Hl7Run> run(String id) {
    if (id == null || !id.startsWith("run-")) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(runs.get(Long.parseLong(id.substring(4))));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** Every run since the last reset, oldest first (the last 1,000). */
  public List<Hl7Run> runs() {
    return new ArrayList<>(runs.values());
  }

  /** Every message the listener received since the last reset (the last 10,000), oldest first. */
  public List<ReceivedMessage> received() {
    return require().handler().received();
  }

  /** Forgets the messages received (the sequence starts again at 1). */
  public void clearReceived() {
    require().handler().clear();
  }

  /**
   * Waits until at least {@code count} messages were received.
   *
   * @throws IllegalStateException when fewer arrived within {@code timeout}
   */
  public List<ReceivedMessage> awaitReceived(int count, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<ReceivedMessage> received = received();
    while (received.size() < count) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            received.size() + " of " + count + " messages received within " + timeout);
      }
      pause();
      received = received();
    }
    return received;
  }

  /**
   * Sends an SIU^S12 to {@code target} for every appointment booked in the sandbox from now on (a
   * FHIR or Millennium booking), as Cerner's scheduling interface would; null stops it. Each
   * notification is a run of its own.
   */
  public Hl7Peer notifyBookings(Target target) {
    require();
    this.bookingsTo = target;
    return this;
  }

  /** Where bookings are announced, if anywhere. */
  public Optional<Target> bookingsTarget() {
    return Optional.ofNullable(bookingsTo);
  }

  /** How the listener answers; change it at any time. */
  public AnswerPolicy answers() {
    return require().policy();
  }

  /** Answers every message this way (rules for types, next N and rate still apply first). */
  public Hl7Peer answerWith(Answer answer) {
    answers().always(answer);
    return this;
  }

  /**
   * Forgets runs and received messages, answers AA again and stops announcing bookings. Running
   * runs keep running.
   */
  public void reset() {
    Started current = require();
    bookingsTo = null;
    runs.clear();
    current.handler().clear();
    current.policy().reset();
  }

  /** The JSON admin endpoints, mounted by the sandbox at {@code /admin/hl7/*}. */
  public HttpServlet adminServlet() {
    return new Hl7AdminServlet(this);
  }

  boolean isStarted() {
    return started != null;
  }

  private void booked(DataChange change) {
    Target target = bookingsTo;
    Started current = started;
    if (target == null
        || current == null
        || change.kind() != DataChange.Kind.APPOINTMENT_BOOKED
        || !(change.record() instanceof AppointmentRecord appointment)) {
      return;
    }
    Hl7Message siu = current.generator().appointment(MessageKind.SIU_S12, appointment);
    start(Hl7Script.to(target).message(siu.encode()).build());
  }

  private Prepared prepare(Hl7Script script) {
    Started current = require();
    List<Hl7Message> generated = new ArrayList<>();
    for (GenerateSpec spec : script.generate()) {
      generated.addAll(current.generator().generate(spec));
    }
    List<Outgoing> plan = ScriptRunner.plan(script.messages(), generated, script.misbehaviour());
    long number = runIds.incrementAndGet();
    Hl7Run run = new Hl7Run("run-" + number, script.target(), plan.size(), current.domain().now());
    runs.put(number, run);
    while (runs.size() > KEPT_RUNS) {
      runs.remove(runs.keySet().iterator().next());
    }
    log.info("HL7 {}: {} messages to {}", run.id(), plan.size(), script.target());
    return new Prepared(run, plan);
  }

  private Started require() {
    Started current = started;
    if (current == null) {
      throw new IllegalStateException("the MLLP peer is not running");
    }
    return current;
  }

  private static MllpListener listener(String host, Integer port, InboundHandler handler) {
    return MllpListener.builder()
        .bindAddress(new InetSocketAddress(host, port == null ? 0 : port))
        .name("hl7-peer")
        .asyncHandler(handler)
        .errorAnswer(handler)
        .options(ListenerOptions.defaults().withHandlerTimeout(Duration.ofMinutes(10)))
        .build();
  }

  private static Hl7Script readScript(Path file) throws IOException {
    return ScriptJson.script(new ObjectMapper().readTree(file.toFile()));
  }

  private static void pause() {
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private record Prepared(Hl7Run run, List<Outgoing> plan) {}

  /** What exists while the peer runs. */
  private record Started(
      String host,
      Domain domain,
      MessageGenerator generator,
      AnswerPolicy policy,
      InboundHandler handler,
      MllpListener listener,
      ScriptRunner runner) {}
}
