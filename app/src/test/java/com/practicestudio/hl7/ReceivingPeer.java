package com.practicestudio.hl7;

import com.practicestudio.hl7v2.AckCode;
import com.practicestudio.hl7v2.Acks;
import com.practicestudio.hl7v2.Hl7Message;
import com.practicestudio.mllp.MllpListener;
import java.io.IOException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The other end of our senders: an in-test {@link MllpListener} that records what it receives and
 * answers as told — AA/CA, AE, or not at all (to make the sender time out).
 */
final class ReceivingPeer implements AutoCloseable {

  enum Policy {
    ACCEPT,
    REJECT,
    SILENT
  }

  private final MllpListener listener;
  private final BlockingQueue<Hl7Message> received = new LinkedBlockingQueue<>();
  private final AtomicReference<Policy> policy = new AtomicReference<>(Policy.ACCEPT);
  private final AtomicInteger ids = new AtomicInteger();

  ReceivingPeer() throws IOException {
    listener =
        MllpListener.builder()
            .port(0)
            .name("test-peer")
            .handler(
                (frame, peer) -> {
                  Hl7Message m = Hl7Message.parse(frame.payload());
                  received.add(m);
                  Policy p = policy.get();
                  if (p == Policy.SILENT) {
                    Thread.sleep(5_000);
                  }
                  AckCode code =
                      p == Policy.REJECT
                          ? AckCode.AE
                          : m.messageType().equals("ACK") ? AckCode.CA : AckCode.AA;
                  return Acks.to(m)
                      .code(code)
                      .controlId("PEER" + ids.incrementAndGet())
                      .at(OffsetDateTime.now(ZoneOffset.UTC))
                      .build()
                      .toBytes();
                })
            .errorAnswer((failure, peer) -> new byte[] {'x'})
            .build();
    listener.start();
  }

  int port() {
    return listener.port();
  }

  void answer(Policy value) {
    policy.set(value);
  }

  Hl7Message next(Duration timeout) throws InterruptedException {
    Hl7Message m = received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (m == null) {
      throw new AssertionError("nothing received within " + timeout);
    }
    return m;
  }

  /** The next message, or null when none arrives within {@code timeout}. */
  Hl7Message poll(Duration timeout) throws InterruptedException {
    return received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    listener.stop(Duration.ofSeconds(1));
  }
}
