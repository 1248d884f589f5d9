package com.practicestudio.mllp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/**
 * What the listener integration tests share: listeners on free ports, recorded events, frame
 * helpers.
 */
abstract class ListenerFixture {
  static final Duration ANSWER = Duration.ofSeconds(5);
  static final byte[] SB = {MllpCodec.START_BLOCK};
  static final byte[] EB = {MllpCodec.END_BLOCK};
  static final byte[] CR = {MllpCodec.CARRIAGE_RETURN};

  static final ListenerOptions FAST =
      ListenerOptions.defaults()
          .withReceiveTimeout(Duration.ofSeconds(3))
          .withReadTimeout(Duration.ofMillis(400))
          .withIdleTimeout(Duration.ZERO)
          .withHandlerTimeout(Duration.ofSeconds(3));

  final RecordingEvents events = new RecordingEvents();
  final List<MllpListener> listeners = new ArrayList<>();

  @AfterEach
  void stopListeners() {
    listeners.forEach(l -> l.stop(Duration.ofSeconds(2)));
  }

  MllpListener start(MllpListener.Builder builder) throws IOException {
    MllpListener listener = builder.port(0).events(events).build();
    listeners.add(listener);
    listener.start();
    return listener;
  }

  MllpListener start(ListenerOptions options, MessageHandler handler) throws IOException {
    return start(
        MllpListener.builder().options(options).handler(handler).errorAnswer(Hl7::negative));
  }

  MllpListener startAsync(ListenerOptions options, AsyncMessageHandler handler) throws IOException {
    return start(
        MllpListener.builder().options(options).asyncHandler(handler).errorAnswer(Hl7::negative));
  }

  /** Sends all frames at once, then reads all answers; returns their MSA-2s. */
  static List<String> pipeline(int port, String prefix, int count) {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (int i = 0; i < count; i++) {
      all.writeBytes(MllpCodec.encode(Hl7.adtA08(prefix + i)));
    }
    try (PeerClient client = PeerClient.connect(port)) {
      client.send(all.toByteArray());
      return client.readFrames(count, Duration.ofSeconds(30)).stream()
          .map(ListenerFixture::msa2)
          .toList();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] frames(int from, int to) {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (int i = from; i < to; i++) {
      all.writeBytes(frame("C" + i));
    }
    return all.toByteArray();
  }

  static List<String> ids(int from, int to) {
    List<String> ids = new ArrayList<>();
    for (int i = from; i < to; i++) {
      ids.add("C" + i);
    }
    return ids;
  }

  static byte[] frame(String controlId) {
    return MllpCodec.encode(Hl7.adtA08(controlId));
  }

  static String msa2(byte[] answer) {
    try {
      return AckReader.read(answer).controlId();
    } catch (MllpException e) {
      throw new AssertionError(e);
    }
  }

  static byte[] bytes(String text) {
    return text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      all.writeBytes(part);
    }
    return all.toByteArray();
  }
}
