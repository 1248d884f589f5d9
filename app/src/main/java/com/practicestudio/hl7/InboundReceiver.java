package com.practicestudio.hl7;

import com.practicestudio.journal.Channel;
import com.practicestudio.journal.ExchangeJournal;
import com.practicestudio.journal.InboundMessage;
import com.practicestudio.journal.Payload;
import com.practicestudio.journal.Recorded;
import com.practicestudio.mllp.AsyncMessageHandler;
import com.practicestudio.mllp.ConnectionInfo;
import com.practicestudio.mllp.ErrorAnswer;
import com.practicestudio.mllp.Frame;
import com.practicestudio.mllp.FrameFailure;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A listener's message handler: inspect the frame, store it through the journal's group-commit
 * writer, and answer only after the commit — AA/CA for a message taken, AR/CR for one refused
 * (malformed, or not accepted by the filter rules; stored all the same, so nothing is lost), AE/CE
 * when it could not be stored. With ACK-after-apply it then waits (bounded) for the worker's
 * outcome. A duplicate (same sender, same control id) is answered the same way and stored once.
 * Also the listener's {@link ErrorAnswer} for frames it could not hand over.
 */
final class InboundReceiver implements AsyncMessageHandler, ErrorAnswer {

  private static final Logger log = LoggerFactory.getLogger(InboundReceiver.class);

  private final Hl7Interface started;
  private final Supplier<Hl7Config> config;
  private final ExchangeJournal journal;
  private final AckWriter acks;
  private final OutcomeWatcher watcher;
  private final ApplicationAcks applicationAcks;
  private final Hl7Metrics metrics;
  private final boolean logPayloads;
  private final CorrelationKeys keys;

  InboundReceiver(
      Hl7Interface started,
      Supplier<Hl7Config> config,
      ExchangeJournal journal,
      AckWriter acks,
      OutcomeWatcher watcher,
      ApplicationAcks applicationAcks,
      Hl7Metrics metrics,
      boolean logPayloads,
      CorrelationKeys keys) {
    this.started = started;
    this.config = config;
    this.journal = journal;
    this.acks = acks;
    this.watcher = watcher;
    this.applicationAcks = applicationAcks;
    this.metrics = metrics;
    this.logPayloads = logPayloads;
    this.keys = keys;
  }

  @Override
  public CompletionStage<byte[]> handle(Frame frame, ConnectionInfo peer) {
    Hl7Config current = config.get();
    Hl7Interface itf = current.byId(started.id()).orElse(started);
    ListenerSettings settings = itf.listener();
    Inspection in =
        MessageInspector.inspect(frame.payload(), settings, current.filters(itf.id()), keys);
    if (logPayloads && log.isDebugEnabled()) {
      log.debug(
          "{} received (PHI): {}",
          itf.name(),
          new String(
              frame.payload(),
              in.charset() == null ? java.nio.charset.StandardCharsets.ISO_8859_1 : in.charset()));
    }
    boolean waits =
        !in.refused() && !in.enhanced() && settings.ackTiming() == AckTiming.AFTER_APPLY;
    byte[] prepared =
        in.refused()
            ? acks.refused(in, settings.charset())
            : waits ? null : acks.accepted(in, settings.charset());
    InboundMessage message =
        new InboundMessage(
            Channel.HL7,
            in.messageType(),
            in.sender(),
            in.messageId(),
            in.correlationKey(),
            itf.name(),
            null,
            new Payload(frame.payload(), Hl7Text.contentType(in.charset())),
            in.contentKey(),
            ApplicationAcks.markerFor(in, settings.replySenderId())
                .map(ApplicationAckRule.Marker::encode)
                .orElse(null));
    return journal
        .submitInbound(message)
        .handle((recorded, error) -> answer(itf, in, prepared, recorded, error))
        .thenCompose(stage -> stage);
  }

  private CompletionStage<byte[]> answer(
      Hl7Interface itf, Inspection in, byte[] prepared, Recorded recorded, Throwable error) {
    ListenerSettings s = itf.listener();
    if (error != null) {
      log.warn(
          "{} on {}: control id {} not stored ({})",
          Hl7InterfaceError.NOT_STORED.code(),
          itf.name(),
          in.messageId(),
          error.getClass().getSimpleName());
      metrics.answered(itf.name(), "store-failed");
      return done(acks.error(in, Hl7InterfaceError.NOT_STORED, null, s.charset()));
    }
    metrics.answered(itf.name(), outcomeTag(in, recorded));
    if (in.refused() || in.enhanced() || s.ackTiming() == AckTiming.AFTER_STORE) {
      if (in.enhanced() && !in.refused() && !recorded.duplicate()) {
        followApplicationAck(itf, in, recorded);
      }
      return done(prepared);
    }
    return watcher
        .await(recorded.id(), Duration.ofMillis(s.applyTimeoutMillis()))
        .thenApply(outcome -> acks.afterApply(in, outcome, s.charset()));
  }

  /** The row carries the marker already (committed with it); watching only makes it quick. */
  private void followApplicationAck(Hl7Interface itf, Inspection in, Recorded recorded) {
    if (ApplicationAckRule.Mode.of(in.applicationAck()).isEmpty()) {
      return;
    }
    if (itf.listener().replySenderId() != null) {
      applicationAcks.watch(recorded.id());
    } else {
      // saved before a reply sender was required: the peer waits for an ACK that never comes
      log.warn(
          "{}: control id {} asks for an application ACK (MSH-16) but the listener has no"
              + " reply sender",
          itf.name(),
          in.messageId());
    }
  }

  @Override
  public byte[] answer(FrameFailure failure, ConnectionInfo peer) {
    Hl7Interface itf = config.get().byId(started.id()).orElse(started);
    metrics.answered(itf.name(), "error-" + failure.error().code());
    return acks.forFailure(failure, itf.listener());
  }

  private static String outcomeTag(Inspection in, Recorded recorded) {
    String base = in.message() == null ? "malformed" : in.refused() ? "refused" : "accepted";
    return recorded.duplicate() ? base + "-duplicate" : base;
  }

  private static CompletionStage<byte[]> done(byte[] answer) {
    return CompletableFuture.completedFuture(answer);
  }
}
