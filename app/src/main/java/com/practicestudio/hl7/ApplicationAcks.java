package com.practicestudio.hl7;

import com.practicestudio.hl7.ApplicationAckRule.Marker;
import com.practicestudio.hl7.ApplicationAckRule.Step;
import com.practicestudio.hl7v2.Hl7Message;
import com.practicestudio.hl7v2.Hl7ParseException;
import com.practicestudio.journal.Channel;
import com.practicestudio.journal.ExchangeStatus;
import com.practicestudio.journal.FollowUps;
import com.practicestudio.journal.OutboundMessage;
import com.practicestudio.journal.Payload;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Enhanced mode's application ACKs. MLLP gives a listener one answer per frame, which is the commit
 * ACK; the application ACK (AA, or AE with the apply error) therefore goes out as a message of its
 * own, through the sender the listener names as its reply sender. It is recorded as an outbound
 * journal row ({@code ACK^<trigger>}, parent = the inbound row), so it is retried and ends in the
 * error queue like any outbound message.
 *
 * <p>Durable: the intent to answer is the inbound row's follow-up marker ({@link Marker}), written
 * by the same insert as the row, so a message whose commit ACK went out owes its application ACK
 * whatever happens to this node afterwards. {@link ApplicationAckRule} decides what each outcome
 * sends; {@link FollowUps#settle} records that ACK and updates the marker in one transaction, only
 * if no other node did first — so the ACK is recorded exactly once. The receiving node watches its
 * rows in memory for {@link #WATCH} to answer within milliseconds; {@link ApplicationAckJob}
 * settles everything else (rows applied later, reprocessed, or received by a node that stopped), in
 * pages. Duplicates carry no marker, so they get no second application ACK.
 *
 * <p>An ACK row's key is its message's ({@link #keyOf}), not the patient's: the outbound queue
 * keeps the rows of one key in order and a failed one holds those behind it, which is right for one
 * message's AE and later AA, and wrong across messages — an AE the sender never took would hold the
 * ACKs of every later message about that patient.
 */
final class ApplicationAcks implements AutoCloseable {

  static final Duration WATCH = Duration.ofMinutes(1);
  static final int PAGE = 200;
  private static final Logger log = LoggerFactory.getLogger(ApplicationAcks.class);

  private final OutcomeWatcher watcher;
  private final FollowUps followUps;
  private final StoredPayloads payloads;
  private final AckWriter acks;
  private final ControlIds controlIds;
  private final Supplier<Hl7Config> config;
  private final String sendingApplication;
  private final ExecutorService executor =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "hl7-application-acks");
            t.setDaemon(true);
            return t;
          });

  ApplicationAcks(
      OutcomeWatcher watcher,
      FollowUps followUps,
      StoredPayloads payloads,
      AckWriter acks,
      ControlIds controlIds,
      Supplier<Hl7Config> config,
      String sendingApplication) {
    this.watcher = watcher;
    this.followUps = followUps;
    this.payloads = payloads;
    this.acks = acks;
    this.controlIds = controlIds;
    this.config = config;
    this.sendingApplication = sendingApplication;
  }

  /**
   * The marker a message's row carries when MSH-16 asks for an application ACK; empty for none
   * (original mode, refused, NE, or no reply sender to answer through).
   */
  static Optional<Marker> markerFor(Inspection in, Long replySenderId) {
    if (!in.enhanced() || in.refused() || replySenderId == null) {
      return Optional.empty();
    }
    return ApplicationAckRule.Mode.of(in.applicationAck())
        .map(mode -> new Marker(mode, replySenderId));
  }

  /** Settles row {@code rowId} as soon as it finishes, if that is within {@link #WATCH}. */
  void watch(long rowId) {
    watcher
        .await(rowId, WATCH)
        .thenAcceptAsync(
            outcome -> {
              if (outcome != null) {
                followUps.due(Marker.PREFIX, rowId).ifPresent(this::settleQuietly);
              }
            },
            executor);
  }

  /** Settles every due row, a page at a time; answers how many were settled here. */
  int settleDue() {
    int settled = 0;
    long after = 0;
    List<FollowUps.Due> page;
    do {
      page = followUps.due(Marker.PREFIX, after, PAGE);
      for (FollowUps.Due due : page) {
        if (settleQuietly(due)) {
          settled++;
        }
        after = due.id();
      }
    } while (page.size() == PAGE);
    return settled;
  }

  private boolean settleQuietly(FollowUps.Due due) {
    try {
      return settle(due);
    } catch (RuntimeException e) {
      // the row stays due: the next round tries again
      log.warn(
          "Application ACK for exchange {} not recorded ({})",
          due.id(),
          e.getClass().getSimpleName());
      return false;
    }
  }

  /** Records what the row's outcome asks for; false when another node settled it first. */
  boolean settle(FollowUps.Due due) {
    Optional<Marker> marker = Marker.parse(due.marker());
    if (marker.isEmpty()) {
      log.warn("Exchange {}: unreadable application ACK marker; dropped", due.id());
      return followUps.settle(due, null, null);
    }
    Step step = ApplicationAckRule.step(marker.get(), due.status());
    String next = step.next() == null ? null : step.next().encode();
    if (step.ack() == ApplicationAckRule.Ack.NONE) {
      return followUps.settle(due, next, null);
    }
    Optional<OutboundMessage> ack = build(due, marker.get().replySenderId(), step.ack());
    // no ACK can be built (sender gone, payload unreadable): nothing more can be owed either
    return followUps.settle(due, ack.isPresent() ? next : null, ack.orElse(null));
  }

  private Optional<OutboundMessage> build(
      FollowUps.Due due, long replySenderId, ApplicationAckRule.Ack code) {
    Hl7Config current = config.get();
    Optional<Hl7Interface> sender = current.byId(replySenderId);
    if (sender.isEmpty() || sender.get().kind() != InterfaceKind.SENDER) {
      log.warn(
          "Exchange {}: the reply sender {} is gone; no application ACK", due.id(), replySenderId);
      return Optional.empty();
    }
    Optional<Hl7Message> received = received(due, current);
    if (received.isEmpty()) {
      return Optional.empty();
    }
    String controlId = controlIds.next();
    Hl7Message ack =
        code == ApplicationAckRule.Ack.AA
            ? acks.application(received.get(), null, null, controlId)
            : acks.application(
                received.get(),
                due.status() == ExchangeStatus.DISCARDED
                    ? Hl7InterfaceError.DISCARDED
                    : Hl7InterfaceError.APPLY_FAILED,
                due.status() == ExchangeStatus.DISCARDED ? null : describe(due),
                controlId);
    String trigger = received.get().triggerEvent();
    return Optional.of(
        new OutboundMessage(
            Channel.HL7,
            trigger.isEmpty() ? "ACK" : "ACK^" + trigger,
            sendingApplication,
            controlId,
            keyOf(due.id()),
            sender.get().name(),
            due.id(),
            new Payload(ack.toBytes(), Hl7Text.contentType(ack.charset().charset()))));
  }

  /** The correlation key of the application ACKs of inbound row {@code inboundId}. */
  static String keyOf(long inboundId) {
    return "ACK:" + inboundId;
  }

  /** The stored message, read as its listener read it (charset override included). */
  private Optional<Hl7Message> received(FollowUps.Due due, Hl7Config current) {
    String charset =
        current
            .byName(due.endpoint())
            .filter(i -> i.kind() == InterfaceKind.LISTENER)
            .map(i -> i.listener().charset())
            .orElse(null);
    Optional<byte[]> bytes = payloads.read(due.id());
    try {
      return bytes.map(b -> Hl7Text.parse(b, charset));
    } catch (Hl7ParseException | IllegalArgumentException e) {
      log.warn(
          "Exchange {}: the stored message cannot be read ({}); no application ACK",
          due.id(),
          e.getClass().getSimpleName());
      return Optional.empty();
    }
  }

  private static String describe(FollowUps.Due due) {
    return describe(due.status(), due.errorCode(), due.errorText());
  }

  static String describe(OutcomeWatcher.RowOutcome o) {
    return describe(o.status(), o.errorCode(), o.errorText());
  }

  /** The error code and text of a failed row, shortened for ERR-8 (no PHI: the journal's rule). */
  static String describe(ExchangeStatus status, String errorCode, String errorText) {
    if (errorCode == null) {
      return status.name();
    }
    String text = errorText == null ? "" : " " + errorText;
    String all = errorCode + text;
    return all.length() <= 200 ? all : all.substring(0, 200);
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
