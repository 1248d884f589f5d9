package com.practicestudio.mllp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class MllpCodecTest {

  @Test
  void wraps_the_payload_in_start_block_end_block_and_carriage_return() {
    assertThat(MllpCodec.encode("MSH|^~\\&|A".getBytes(StandardCharsets.US_ASCII)))
        .isEqualTo("\u000bMSH|^~\\&|A\u001c\r".getBytes(StandardCharsets.US_ASCII));
    assertThat(MllpCodec.encode(new byte[0])).containsExactly(0x0B, 0x1C, 0x0D);
  }

  @Test
  void writes_the_same_bytes_to_a_stream() throws IOException {
    byte[] payload = "MSH|^~\\&|A\rPID|1\r".getBytes(StandardCharsets.US_ASCII);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    MllpCodec.writeFrame(out, payload);

    assertThat(out.toByteArray()).isEqualTo(MllpCodec.encode(payload));
  }

  @ParameterizedTest(name = "a block byte at offset {1} of \"{0}\"")
  @CsvSource({"'\u000bAB', 0", "'A\u001cB', 1", "'AB\u000b', 2"})
  void refuses_payloads_that_would_break_the_framing(String payload, int offset) {
    byte[] bytes = payload.getBytes(StandardCharsets.US_ASCII);
    assertThat(MllpCodec.indexOfBlockByte(bytes)).isEqualTo(offset);
    assertThatThrownBy(() -> MllpCodec.encode(bytes))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("MLLP-006")
        .hasMessageContaining("offset " + offset);
  }

  static Stream<Path> corpusMessages() {
    return Corpus.files("hl7v2").stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpusMessages")
  void every_corpus_message_survives_encoding_and_decoding_in_random_packets(Path file) {
    byte[] message = read(file);
    byte[] stream = concat(MllpCodec.encode(message), MllpCodec.encode(message));
    Random random = new Random(file.getFileName().toString().hashCode());
    MllpDecoder decoder = new MllpDecoder(1024 * 1024);
    RecordingSink sink = new RecordingSink();
    for (int at = 0; at < stream.length; ) {
      int end = Math.min(stream.length, at + 1 + random.nextInt(1500));
      decoder.feed(stream, at, end - at, sink);
      at = end;
    }
    decoder.endOfStream(sink);

    assertThat(sink.frames).hasSize(2);
    assertThat(sink.frames.get(0)).isEqualTo(message);
    assertThat(sink.frames.get(1)).isEqualTo(message);
    assertThat(sink.events).hasSize(2);
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }
}
