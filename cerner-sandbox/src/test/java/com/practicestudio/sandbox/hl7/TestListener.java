package com.practicestudio.sandbox.hl7;

import com.practicestudio.hl7v2.AckCode;
import com.practicestudio.hl7v2.Acks;
import com.practicestudio.hl7v2.Hl7Message;
import com.practicestudio.hl7v2.MessageBuilder;
import com.practicestudio.mllp.AsyncMessageHandler;
import com.practicestudio.mllp.ErrorAnswer;
import com.practicestudio.mllp.MllpListener;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * An in-test MLLP listener (the {@code mllp} module's) standing in for Practice Studio's: records
 * what it receives and answers with an ACK built by {@code hl7v2}'s {@link Acks}.
 */
final class TestListener implements AutoCloseable {

  static final String REFUSAL = "Refused by the test listener";

  private final List<Hl7Message> received = new ArrayList<>();
  private final MllpListener listener;
  private volatile Function<Hl7Message, AckCode> answer = message -> AckCode.AA;

  /** Answers at once, as {@link #answerWith} says (AA by default). */
  TestListener() throws IOException {
    this(null);
  }

  /** Answers through {@code handler} (which must record with {@link #record}). */
  TestListener(AsyncMessageHandler handler) throws IOException {
    AsyncMessageHandler chosen =
        handler != null
            ? handler
            : (frame, peer) -> {
              Hl7Message message = Hl7Message.parse(frame.payload());
              record(message);
              return CompletableFuture.completedFuture(ack(message, answer.apply(message)));
            };
    ErrorAnswer refuse =
        (failure, peer) ->
            MessageBuilder.create()
                .set("MSH-9.1", "ACK")
                .set("MSH-10", "TEST-NAK")
                .set("MSA-1", "AR")
                .set("MSA-3", REFUSAL)
                .build()
                .toBytes();
    listener =
        MllpListener.builder()
            .bindAddress(new InetSocketAddress("localhost", 0))
            .name("test-listener")
            .asyncHandler(chosen)
            .errorAnswer(refuse)
            .build();
    listener.start();
  }

  static byte[] ack(Hl7Message message, AckCode code) {
    return Acks.to(message)
        .code(code)
        .controlId("ACK-" + message.controlId())
        .at(OffsetDateTime.of(2026, 11, 25, 9, 0, 0, 0, ZoneOffset.ofHours(-6)))
        .text(code == AckCode.AA ? null : REFUSAL)
        .build()
        .toBytes();
  }

  void answerWith(Function<Hl7Message, AckCode> rule) {
    this.answer = rule;
  }

  void record(Hl7Message message) {
    synchronized (received) {
      received.add(message);
    }
  }

  List<Hl7Message> received() {
    synchronized (received) {
      return List.copyOf(received);
    }
  }

  Target target() {
    return Target.local(listener.port());
  }

  @Override
  public void close() {
    listener.stop(Duration.ofSeconds(1));
  }
}
