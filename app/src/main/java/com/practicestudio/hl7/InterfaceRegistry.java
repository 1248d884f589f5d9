package com.practicestudio.hl7;

import com.practicestudio.mllp.MllpListener;
import com.practicestudio.mllp.MllpSender;
import com.practicestudio.mllp.ReconnectPolicy;
import com.practicestudio.mllp.SenderOptions;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The interfaces running on this node: binds, rebinds and stops {@link MllpListener}s and keeps one
 * {@link MllpSender} per sender interface, following the database without a restart. Changes made
 * on this node apply right after their commit; changes made on another node are picked up within
 * {@code practice-studio.hl7.refresh-interval} (every node polls the change generation). A listener
 * is rebound only when its network settings change (address, port, TLS, allowlist, limits,
 * timeouts); ACK settings and rules apply to the next message without touching connections. A
 * listener that cannot bind (port taken, bad key store) is shown as failed and tried again every
 * {@link #RETRY_FAILED}.
 */
public final class InterfaceRegistry implements SmartLifecycle {

  static final Duration RETRY_FAILED = Duration.ofSeconds(30);
  private static final Logger log = LoggerFactory.getLogger(InterfaceRegistry.class);

  private record Running(
      Hl7Interface itf, ListenerSettings.NetworkPart network, MllpListener listener) {}

  private record Failed(InterfaceState state, ListenerSettings.NetworkPart network, long at) {}

  private record SenderSlot(SenderSettings settings, String seal, MllpSender sender) {}

  private final Supplier<Hl7Config> loader;
  private final ConfigRepository generations;
  private final ListenerStarter starter;
  private final Duration refreshInterval;
  private final Duration stopGrace;
  private final boolean autoStartup;
  private final Map<Long, Running> listeners = new ConcurrentHashMap<>();
  private final Map<Long, Failed> failures = new ConcurrentHashMap<>();
  private final Map<Long, SenderSlot> senders = new ConcurrentHashMap<>();
  private volatile Hl7Config config = Hl7Config.EMPTY;
  private volatile boolean running;
  private ScheduledExecutorService refresher;

  InterfaceRegistry(
      Supplier<Hl7Config> loader,
      ConfigRepository generations,
      ListenerStarter starter,
      Hl7Properties settings,
      boolean autoStartup) {
    this.loader = loader;
    this.generations = generations;
    this.starter = starter;
    this.refreshInterval = settings.refreshInterval();
    this.stopGrace = settings.stopGrace();
    this.autoStartup = autoStartup;
  }

  /** The current interfaces and rules (loaded on first use when the registry is not running). */
  public Hl7Config config() {
    Hl7Config c = config;
    if (c == Hl7Config.EMPTY) {
      synchronized (this) {
        if (config == Hl7Config.EMPTY) {
          config = loader.get();
        }
        return config;
      }
    }
    return c;
  }

  /** What this node does with the interface now. */
  public InterfaceState state(Hl7Interface itf) {
    if (!itf.enabled()) {
      return InterfaceState.DISABLED;
    }
    if (itf.kind() == InterfaceKind.SENDER) {
      return InterfaceState.READY;
    }
    Running r = listeners.get(itf.id());
    if (r != null) {
      return InterfaceState.listening(r.listener().port(), r.listener().connectionCount());
    }
    Failed f = failures.get(itf.id());
    return f != null ? f.state() : InterfaceState.PENDING;
  }

  /** The port a listener is bound to on this node (useful when its setting is 0). */
  public OptionalInt boundPort(String name) {
    Optional<Hl7Interface> itf = config().byName(name);
    if (itf.isEmpty()) {
      return OptionalInt.empty();
    }
    Running r = listeners.get(itf.get().id());
    return r == null ? OptionalInt.empty() : OptionalInt.of(r.listener().port());
  }

  /** Reloads and applies the configuration now (after a change committed on this node). */
  public synchronized void reload() {
    config = loader.get();
    if (running) {
      reconcile();
    }
  }

  /** Reloads when another node changed something; retries failed listeners. */
  synchronized void refresh() {
    if (generations.generation() != config.generation()) {
      config = loader.get();
    }
    if (running) {
      reconcile();
    }
  }

  /**
   * The sender of a sender interface, connected on first use; replaced when its settings change.
   */
  MllpSender sender(Hl7Interface itf) throws ListenerStarter.StartFailure {
    byte[] sealed = config().sealedPassword(itf.id());
    String seal = sealed == null ? null : Base64.getEncoder().encodeToString(sealed);
    SenderSlot slot = senders.get(itf.id());
    if (slot != null && slot.settings().equals(itf.sender()) && Objects.equals(slot.seal(), seal)) {
      return slot.sender();
    }
    synchronized (senders) {
      slot = senders.get(itf.id());
      if (slot != null
          && slot.settings().equals(itf.sender())
          && Objects.equals(slot.seal(), seal)) {
        return slot.sender();
      }
      if (slot != null) {
        slot.sender().close();
      }
      SenderSlot fresh =
          new SenderSlot(itf.sender(), seal, new MllpSender(options(itf.sender(), sealed)));
      senders.put(itf.id(), fresh);
      return fresh.sender();
    }
  }

  private SenderOptions options(SenderSettings s, byte[] sealed)
      throws ListenerStarter.StartFailure {
    SenderOptions options =
        SenderOptions.to(s.host(), s.port())
            .withConnectTimeout(Duration.ofMillis(s.connectTimeoutMillis()))
            .withAckTimeout(Duration.ofMillis(s.ackTimeoutMillis()))
            .withReconnect(ReconnectPolicy.once());
    if (s.tls().enabled()) {
      options =
          options
              .withTls(starter.tls(s.tls(), sealed))
              .withVerifyHostname(s.tls().verifyHostname());
    }
    return options;
  }

  private void reconcile() {
    Set<Long> wanted = new HashSet<>();
    for (Hl7Interface itf : config.interfaces()) {
      if (itf.kind() == InterfaceKind.LISTENER && itf.enabled()) {
        wanted.add(itf.id());
        ensureListening(itf);
      }
    }
    for (Long id : Set.copyOf(listeners.keySet())) {
      if (!wanted.contains(id)) {
        stopListener(id);
      }
    }
    failures.keySet().removeIf(id -> !wanted.contains(id));
    for (Long id : Set.copyOf(senders.keySet())) {
      Optional<Hl7Interface> itf = config.byId(id);
      if (itf.isEmpty() || !itf.get().enabled() || itf.get().kind() != InterfaceKind.SENDER) {
        SenderSlot slot = senders.remove(id);
        if (slot != null) {
          slot.sender().close();
        }
      }
    }
  }

  private void ensureListening(Hl7Interface itf) {
    byte[] sealed = config.sealedPassword(itf.id());
    ListenerSettings.NetworkPart network =
        itf.listener().network(sealed == null ? null : Arrays.toString(sealed));
    Running current = listeners.get(itf.id());
    if (current != null && current.network().equals(network)) {
      return;
    }
    Failed failed = failures.get(itf.id());
    if (current == null
        && failed != null
        && failed.network().equals(network)
        && System.nanoTime() - failed.at() < RETRY_FAILED.toNanos()) {
      return;
    }
    if (current != null) {
      stopListener(itf.id());
    }
    try {
      MllpListener listener = starter.start(itf, sealed);
      listeners.put(itf.id(), new Running(itf, network, listener));
      failures.remove(itf.id());
    } catch (ListenerStarter.StartFailure e) {
      log.warn("{} listener {} not started: {}", e.error().code(), itf.name(), e.getMessage());
      failures.put(
          itf.id(),
          new Failed(InterfaceState.failed(e.error(), e.getMessage()), network, System.nanoTime()));
    } catch (RuntimeException e) {
      log.warn(
          "{} listener {} not started: {}",
          Hl7InterfaceError.LISTENER_FAILED.code(),
          itf.name(),
          e.getClass().getSimpleName());
      failures.put(
          itf.id(),
          new Failed(
              InterfaceState.failed(
                  Hl7InterfaceError.LISTENER_FAILED, e.getClass().getSimpleName()),
              network,
              System.nanoTime()));
    }
  }

  private void stopListener(long id) {
    Running r = listeners.remove(id);
    if (r != null) {
      r.listener().stop(stopGrace);
    }
  }

  @Override
  public synchronized void start() {
    if (running) {
      return;
    }
    running = true;
    config = loader.get();
    reconcile();
    refresher =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "hl7-interface-refresh");
              t.setDaemon(true);
              return t;
            });
    long every = refreshInterval.toMillis();
    refresher.scheduleWithFixedDelay(this::refreshQuietly, every, every, TimeUnit.MILLISECONDS);
  }

  private void refreshQuietly() {
    try {
      refresh();
    } catch (RuntimeException e) {
      log.warn("Refreshing HL7 interfaces failed ({})", e.getClass().getSimpleName());
    }
  }

  @Override
  public void stop() {
    ScheduledExecutorService r;
    synchronized (this) {
      if (!running) {
        return;
      }
      running = false;
      r = refresher;
    }
    r.shutdownNow();
    Map<Long, Running> all = new HashMap<>(listeners);
    listeners.clear();
    all.values().parallelStream().forEach(run -> run.listener().stop(stopGrace));
    senders.values().forEach(s -> s.sender().close());
    senders.clear();
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public boolean isAutoStartup() {
    return autoStartup;
  }
}
