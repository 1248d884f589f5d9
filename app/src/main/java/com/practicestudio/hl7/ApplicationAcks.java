package com.practicestudio.hl7;

import com.practicestudio.hl7v2.Hl7Message;
import com.practicestudio.journal.Channel;
import com.practicestudio.journal.ExchangeJournal;
import com.practicestudio.journal.OutboundMessage;
import com.practicestudio.journal.Payload;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Enhanced mode's application ACKs. MLLP gives a listener one answer per frame, which is the commit
 * ACK; the application ACK (AA, or AE with the apply error) therefore goes out as a message of its
 * own, through the sender the listener names as its reply sender, once the row is applied or
 * failed. It is recorded as an outbound journal row ({@code ACK^<trigger>}, parent = the inbound
 * row), so it is retried and ends in the error queue like any outbound message.
 *
 * <p>The wait for the outcome is held in memory on the node that received the message, for at most
 * {@link #WATCH}; a node that stops meanwhile sends no application ACK for the rows it was waiting
 * on (the commit ACK was sent; the sender's own timer resends, and a resend is answered with the
 * commit ACK again). Duplicates get no second application ACK.
 */
final class ApplicationAcks implements AutoCloseable {

  static final Duration WATCH = Duration.ofMinutes(10);
  private static final Logger log = LoggerFactory.getLogger(ApplicationAcks.class);

  private final OutcomeWatcher watcher;
  private final ExchangeJournal journal;
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
      ExchangeJournal journal,
      AckWriter acks,
      ControlIds controlIds,
      Supplier<Hl7Config> config,
      String sendingApplication) {
    this.watcher = watcher;
    this.journal = journal;
    this.acks = acks;
    this.controlIds = controlIds;
    this.config = config;
    this.sendingApplication = sendingApplication;
  }

  /** Sends the application ACK MSH-16 asks for once row {@code rowId} is finished. */
  void follow(long rowId, Inspection in, long replySenderId) {
    watcher
        .await(rowId, WATCH)
        .thenAcceptAsync(
            outcome -> {
              try {
                send(rowId, in, replySenderId, outcome);
              } catch (RuntimeException e) {
                log.warn(
                    "Application ACK for exchange {} not recorded ({})",
                    rowId,
                    e.getClass().getSimpleName());
              }
            },
            executor);
  }

  private void send(long rowId, Inspection in, long replySenderId, OutcomeWatcher.RowOutcome o) {
    if (o == null) {
      log.warn("Exchange {} not finished within {}; no application ACK sent", rowId, WATCH);
      return;
    }
    if (!in.wantsApplicationAck(o.success())) {
      return;
    }
    Optional<Hl7Interface> sender = config.get().byId(replySenderId);
    if (sender.isEmpty() || sender.get().kind() != InterfaceKind.SENDER) {
      log.warn(
          "Exchange {}: the reply sender {} is gone; no application ACK", rowId, replySenderId);
      return;
    }
    String controlId = controlIds.next();
    String detail = o.success() ? null : describe(o);
    Hl7Message ack = acks.application(in, o.success(), detail, controlId);
    String trigger = in.message().triggerEvent();
    journal.recordOutbound(
        new OutboundMessage(
            Channel.HL7,
            trigger.isEmpty() ? "ACK" : "ACK^" + trigger,
            sendingApplication,
            controlId,
            in.correlationKey(),
            sender.get().name(),
            rowId,
            new Payload(ack.toBytes(), Hl7Text.contentType(ack.charset().charset()))));
  }

  static String describe(OutcomeWatcher.RowOutcome o) {
    if (o.errorCode() == null) {
      return o.status().name();
    }
    String text = o.errorText() == null ? "" : " " + o.errorText();
    String all = o.errorCode() + text;
    return all.length() <= 200 ? all : all.substring(0, 200);
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
