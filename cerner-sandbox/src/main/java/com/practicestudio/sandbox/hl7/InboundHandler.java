package com.practicestudio.sandbox.hl7;

import com.practicestudio.hl7v2.AckCode;
import com.practicestudio.hl7v2.Acks;
import com.practicestudio.hl7v2.Hl7Message;
import com.practicestudio.hl7v2.Hl7ParseException;
import com.practicestudio.hl7v2.MessageBuilder;
import com.practicestudio.mllp.AsyncMessageHandler;
import com.practicestudio.mllp.ConnectionInfo;
import com.practicestudio.mllp.ErrorAnswer;
import com.practicestudio.mllp.Frame;
import com.practicestudio.mllp.FrameFailure;
import com.practicestudio.mllp.MllpError;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The listener's side of the peer: records every message received and answers it as the {@link
 * AnswerPolicy} says, with an ACK built by {@code hl7v2}'s {@link Acks} (our control id, the
 * domain's time). Frames the listener could not hand over (too large, bad framing) and handler
 * failures get an AR or AE from {@link #answer}.
 */
final class InboundHandler implements AsyncMessageHandler, ErrorAnswer {

  static final int KEPT = 10_000;

  private final AnswerPolicy policy;
  private final Clock clock;
  private final ControlIds controlIds;
  private final ZoneId zone;
  private final Hl7Profile profile;
  private final Deque<ReceivedMessage> received = new ArrayDeque<>();
  private final AtomicLong sequence = new AtomicLong();
  private final Set<CompletableFuture<byte[]>> withheld = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "hl7-peer-delayed-answers");
            thread.setDaemon(true);
            return thread;
          });

  InboundHandler(
      AnswerPolicy policy, Clock clock, ControlIds controlIds, ZoneId zone, Hl7Profile profile) {
    this.policy = policy;
    this.clock = clock;
    this.controlIds = controlIds;
    this.zone = zone;
    this.profile = profile;
  }

  @Override
  public CompletionStage<byte[]> handle(Frame frame, ConnectionInfo peer) {
    Instant at = clock.instant();
    Hl7Message message;
    try {
      message = Hl7Message.parse(frame.payload());
    } catch (Hl7ParseException e) {
      String text = "Not an HL7 v2 message";
      record(at, peer, null, Answer.reject(text), e.error().code(), frame.payload());
      return CompletableFuture.completedFuture(minimalAck(AckCode.AR, text));
    }
    Answer answer = policy.decide(message.messageType(), message.triggerEvent());
    record(at, peer, message, answer, null, null);
    if (answer.code() == Answer.Code.NONE) {
      CompletableFuture<byte[]> never = new CompletableFuture<>();
      withheld.add(never);
      return never;
    }
    byte[] ack = ack(message, AckCode.valueOf(answer.code().name()), answer.text());
    if (answer.delay().isZero()) {
      return CompletableFuture.completedFuture(ack);
    }
    CompletableFuture<byte[]> later = new CompletableFuture<>();
    timer.schedule(() -> later.complete(ack), answer.delay().toMillis(), TimeUnit.MILLISECONDS);
    return later;
  }

  /** AR for frames that broke the framing rules, AE when the handler could not answer. */
  @Override
  public byte[] answer(FrameFailure failure, ConnectionInfo peer) {
    boolean rejected =
        failure.error() == MllpError.FRAME_TOO_LARGE
            || failure.error() == MllpError.END_BLOCK_WITHOUT_CARRIAGE_RETURN;
    AckCode code = rejected ? AckCode.AR : AckCode.AE;
    String text = failure.error().description();
    if (rejected) {
      record(
          clock.instant(),
          peer,
          null,
          Answer.reject(text),
          failure.error().code(),
          failure.content());
    }
    try {
      return ack(Hl7Message.parse(failure.content()), code, text);
    } catch (Hl7ParseException e) {
      return minimalAck(code, text);
    }
  }

  List<ReceivedMessage> received() {
    synchronized (received) {
      return List.copyOf(received);
    }
  }

  void clear() {
    synchronized (received) {
      received.clear();
      sequence.set(0);
    }
  }

  /** Stops the timer; withheld answers fail, so the listener can close their connections. */
  void close() {
    timer.shutdownNow();
    withheld.forEach(f -> f.completeExceptionally(new IllegalStateException("peer stopped")));
    withheld.clear();
  }

  private byte[] ack(Hl7Message message, AckCode code, String text) {
    return Acks.to(message)
        .code(code)
        .controlId(controlIds.next())
        .at(OffsetDateTime.ofInstant(clock.instant(), zone))
        .text(text)
        .build()
        .toBytes();
  }

  /** An ACK for bytes that are not a message: only our own header and the MSA. */
  private byte[] minimalAck(AckCode code, String text) {
    return MessageBuilder.create()
        .set("MSH-3", profile.sendingApplication())
        .set("MSH-4", profile.sendingFacility())
        .set("MSH-7", CernerFormats.time(clock.instant(), zone))
        .set("MSH-9.1", "ACK")
        .set("MSH-10", controlIds.next())
        .set("MSH-11", profile.processingId())
        .set("MSH-12", HeaderMapper.VERSION)
        .set("MSA-1", code.name())
        .set("MSA-3", text)
        .build()
        .toBytes();
  }

  private void record(
      Instant at,
      ConnectionInfo peer,
      Hl7Message message,
      Answer answer,
      String problem,
      byte[] unparsed) {
    InboundFields fields = message == null ? InboundFields.NONE : InboundFields.of(message, zone);
    String text =
        message != null ? message.encode() : new String(unparsed, StandardCharsets.ISO_8859_1);
    synchronized (received) {
      received.addLast(
          new ReceivedMessage(
              sequence.incrementAndGet(),
              at,
              peer.id(),
              fields.type(),
              fields.controlId(),
              fields.patientMrn(),
              fields.placerAppointmentId(),
              fields.fillerAppointmentId(),
              fields.startTime(),
              answer.code().name(),
              answer.delay().toMillis(),
              problem,
              text));
      while (received.size() > KEPT) {
        received.pollFirst();
      }
    }
  }
}
