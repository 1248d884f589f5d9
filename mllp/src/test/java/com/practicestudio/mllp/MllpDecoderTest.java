package com.practicestudio.mllp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MllpDecoderTest {
  static final String SB = "\u000b"; // start block
  static final String EB = "\u001c"; // end block
  static final String CR =
      "\r"; // carriage return after the end block, and HL7's segment terminator

  // a minimal ADT^A08 header: MSH-9 message type, MSH-10 control id "C1"
  static final String MSG = "MSH|^~\\&|CERNER|H|PS|PS|20261125||ADT^A08|C1|P|2.3" + CR;
  static final String BIG = "X".repeat(20_000);

  /**
   * One decoding case: the stream, the maximum frame size, whether the stream ends, and what the
   * decoder reports.
   */
  record Case(String name, int maxFrameSize, String stream, boolean ends, List<String> expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Case c(String name, String stream, String... expected) {
    return new Case(name, 1_000_000, stream, false, List.of(expected));
  }

  static Case ending(String name, String stream, String... expected) {
    return new Case(name, 1_000_000, stream, true, List.of(expected));
  }

  static Case limited(int max, String name, String stream, boolean ends, String... expected) {
    return new Case(name, max, stream, ends, List.of(expected));
  }

  static Stream<Case> cases() {
    return Stream.of(
        c("one frame", SB + "A|1" + EB + CR, "frame 'A|1'"),
        c("an empty frame is a frame", SB + EB + CR, "frame ''"),
        c(
            "segment CRs inside the payload stay",
            SB + "MSH|a" + CR + "PID|b" + CR + EB + CR,
            "frame 'MSH|a\\rPID|b\\r'"),
        c(
            "an HL7 message",
            SB + MSG + EB + CR,
            "frame 'MSH|^~\\&|CERNER|H|PS|PS|20261125||ADT^A08|C1|P|2.3\\r'"),
        c(
            "two frames in one read",
            SB + "A" + EB + CR + SB + "B" + EB + CR,
            "frame 'A'",
            "frame 'B'"),
        c(
            "garbage before the start block is skipped and counted",
            "xyz" + SB + "A" + EB + CR,
            "discarded MLLP-001 bytes=3",
            "frame 'A'"),
        c(
            "a newline between frames is garbage",
            SB + "A" + EB + CR + "\r\n" + SB + "B" + EB + CR,
            "frame 'A'",
            "discarded MLLP-001 bytes=2",
            "frame 'B'"),
        c("garbage alone is not reported until a start block or the end", "noise\r\n"),
        ending(
            "garbage at the end of the stream is reported",
            SB + "A" + EB + CR + "zz",
            "frame 'A'",
            "discarded MLLP-001 bytes=2"),
        ending(
            "a lone carriage return after a frame is garbage",
            SB + "A" + EB + CR + CR,
            "frame 'A'",
            "discarded MLLP-001 bytes=1"),
        c("a frame without its end is not emitted", SB + "A|unfinished"),
        ending(
            "a frame cut by the end of the stream is dropped",
            SB + "A|unfinished",
            "discarded MLLP-005 bytes=12"),
        ending(
            "a frame cut after its end block is dropped",
            SB + "AB" + EB,
            "discarded MLLP-005 bytes=2"),
        c(
            "a start block inside a frame drops the unfinished one and starts anew",
            SB + "A|lost" + SB + "B" + EB + CR,
            "discarded MLLP-002 bytes=6",
            "frame 'B'"),
        c(
            "two start blocks in a row",
            SB + SB + "B" + EB + CR,
            "discarded MLLP-002 bytes=0",
            "frame 'B'"),
        c(
            "an end block followed by the next start block is rejected, the next frame is read",
            SB + "A" + EB + SB + "B" + EB + CR,
            "rejected MLLP-003 length=1 'A'",
            "frame 'B'"),
        c(
            "an end block followed by other bytes is rejected, the bytes are garbage",
            SB + "A" + EB + "x" + SB + "B" + EB + CR,
            "rejected MLLP-003 length=1 'A'",
            "discarded MLLP-001 bytes=1",
            "frame 'B'"),
        ending(
            "an end block followed by a line feed",
            SB + "A" + EB + "\n",
            "rejected MLLP-003 length=1 'A'",
            "discarded MLLP-001 bytes=1"),
        ending(
            "a doubled end block",
            SB + "A" + EB + EB + CR,
            "rejected MLLP-003 length=1 'A'",
            "discarded MLLP-001 bytes=2"),
        c("a large frame within the limit", SB + BIG + EB + CR, "frame <20000 bytes>"),
        limited(
            5,
            "a frame of exactly the maximum size",
            SB + "12345" + EB + CR,
            false,
            "frame '12345'"),
        limited(
            5,
            "one byte over the maximum is rejected with its head, then the stream resynchronises",
            SB + "123456" + EB + CR + SB + "B" + EB + CR,
            false,
            "rejected MLLP-004 length=6 '12345'",
            "frame 'B'"),
        limited(
            5,
            "a too-large frame cut by a start block is dropped",
            SB + "1234567" + SB + "B" + EB + CR,
            false,
            "discarded MLLP-004 bytes=7",
            "frame 'B'"),
        limited(
            5,
            "a too-large frame without its carriage return is still too large",
            SB + "1234567" + EB + SB + "B" + EB + CR,
            false,
            "rejected MLLP-004 length=7 '12345'",
            "frame 'B'"),
        limited(
            5,
            "a too-large frame cut by the end of the stream",
            SB + "1234567",
            true,
            "discarded MLLP-005 bytes=7"),
        limited(
            10_000,
            "a too-large frame keeps only its first 4096 bytes",
            SB + BIG + EB + CR + SB + "B" + EB + CR,
            false,
            "rejected MLLP-004 length=20000 <4096 bytes>",
            "frame 'B'"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void decodes_the_stream_in_one_piece(Case c) {
    assertThat(decode(c, List.of(bytes(c.stream())))).isEqualTo(c.expected());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void decodes_the_same_whatever_the_packets(Case c) {
    byte[] stream = bytes(c.stream());
    for (List<byte[]> chunks : chunkings(stream)) {
      assertThat(decode(c, chunks)).as("in %d chunks", chunks.size()).isEqualTo(c.expected());
    }
  }

  @Test
  void a_too_large_frame_never_grows_the_buffer_past_the_maximum() {
    int max = 64 * 1024;
    MllpDecoder decoder = new MllpDecoder(max);
    RecordingSink sink = new RecordingSink();
    byte[] chunk = new byte[32 * 1024];
    Arrays.fill(chunk, (byte) 'X');
    decoder.feed(bytes(SB), sink);
    for (int i = 0; i < 1_000; i++) { // 32 MB of one frame
      decoder.feed(chunk, sink);
      assertThat(decoder.bufferCapacity()).isLessThanOrEqualTo(max);
    }
    decoder.feed(bytes(EB + CR), sink);

    assertThat(sink.events).containsExactly("rejected MLLP-004 length=32768000 <4096 bytes>");
  }

  @Test
  void frames_handed_out_are_copies_that_survive_reuse_of_the_read_buffer() {
    MllpDecoder decoder = new MllpDecoder(100);
    RecordingSink sink = new RecordingSink();
    byte[] buffer = bytes(SB + "ABC" + EB + CR);
    decoder.feed(buffer, sink);
    Arrays.fill(buffer, (byte) 0);

    assertThat(new String(sink.frames.get(0), StandardCharsets.US_ASCII)).isEqualTo("ABC");
  }

  @Test
  void tells_whether_the_peer_is_inside_a_frame() {
    MllpDecoder decoder = new MllpDecoder(100);
    RecordingSink sink = new RecordingSink();
    assertThat(decoder.inFrame()).isFalse();
    decoder.feed(bytes("noise" + SB + "AB"), sink);
    assertThat(decoder.inFrame()).isTrue();
    decoder.feed(bytes(EB), sink);
    assertThat(decoder.inFrame()).isTrue();
    decoder.feed(bytes(CR), sink);
    assertThat(decoder.inFrame()).isFalse();
  }

  @Test
  void decodes_a_slice_of_a_larger_array() {
    MllpDecoder decoder = new MllpDecoder(100);
    RecordingSink sink = new RecordingSink();
    byte[] buffer = bytes("##" + SB + "A" + EB + CR + "##");
    decoder.feed(buffer, 2, buffer.length - 4, sink);

    assertThat(sink.events).containsExactly("frame 'A'");
  }

  @Test
  void refuses_bad_slices_and_sizes() {
    MllpDecoder decoder = new MllpDecoder(100);
    assertThatThrownBy(() -> decoder.feed(new byte[4], 2, 3, new RecordingSink()))
        .isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> new MllpDecoder(0)).isInstanceOf(IllegalArgumentException.class);
  }

  private static List<String> decode(Case c, List<byte[]> chunks) {
    MllpDecoder decoder = new MllpDecoder(c.maxFrameSize());
    RecordingSink sink = new RecordingSink();
    for (byte[] chunk : chunks) {
      decoder.feed(chunk, 0, chunk.length, sink);
    }
    if (c.ends()) {
      decoder.endOfStream(sink);
    }
    return sink.events;
  }

  /** Byte by byte, every split in two (for short streams), and random packet sizes. */
  private static List<List<byte[]>> chunkings(byte[] stream) {
    List<List<byte[]>> all = new ArrayList<>();
    if (stream.length <= 200) {
      List<byte[]> single = new ArrayList<>();
      for (byte b : stream) {
        single.add(new byte[] {b});
      }
      all.add(single);
      for (int split = 1; split < stream.length; split++) {
        all.add(
            List.of(
                Arrays.copyOfRange(stream, 0, split),
                Arrays.copyOfRange(stream, split, stream.length)));
      }
    }
    Random random = new Random(stream.length);
    for (int round = 0; round < 20; round++) {
      List<byte[]> chunks = new ArrayList<>();
      int at = 0;
      while (at < stream.length) {
        int size = 1 + random.nextInt(Math.max(1, Math.min(stream.length, 5_000)));
        int end = Math.min(stream.length, at + size);
        chunks.add(Arrays.copyOfRange(stream, at, end));
        at = end;
      }
      all.add(chunks);
    }
    return all;
  }

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }
}
