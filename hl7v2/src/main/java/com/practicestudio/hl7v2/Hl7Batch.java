package com.practicestudio.hl7v2;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * Several messages from one file or stream: messages back to back, or wrapped in an FHS/BHS ...
 * BTS/FTS envelope. Segment terminators may differ between messages; blank lines between messages
 * are allowed. Anything else before the first MSH (such as the {@code [SOM]}/{@code [EOM]} text
 * markers some tools write instead of MLLP framing) is refused with {@code HL7-013}. The bytes must
 * be in an ASCII-compatible charset (every charset HL7 names except UTF-16/32); each message then
 * chooses its own charset as described on {@link Hl7Charset}.
 */
public final class Hl7Batch {

  /**
   * How strictly to read.
   *
   * @param allowComments skip {@code //} lines and {@code /* ... *}{@code /} blocks between
   *     messages (test files, never real feeds)
   * @param checkCounts refuse a BTS-1 or FTS-1 count that differs from what was found
   */
  public record Options(boolean allowComments, boolean checkCounts) {
    public static final Options STRICT = new Options(false, true);

    public Options withComments() {
      return new Options(true, checkCounts);
    }
  }

  private final List<Hl7Message> messages;
  private final List<Integer> offsets;
  private final Optional<Hl7Message> envelope;

  Hl7Batch(List<Hl7Message> messages, List<Integer> offsets, Optional<Hl7Message> envelope) {
    this.messages = List.copyOf(messages);
    this.offsets = List.copyOf(offsets);
    this.envelope = envelope;
  }

  /**
   * Splits bytes into messages.
   *
   * @throws Hl7ParseException for input that is not HL7 v2, a malformed message (with that
   *     message's code; the offset is then within that message) or a broken envelope
   */
  public static Hl7Batch split(byte[] bytes) {
    return split(bytes, Options.STRICT);
  }

  public static Hl7Batch split(byte[] bytes, Options options) {
    return new BatchSplitter(bytes, options).split();
  }

  /** Reads the whole stream, then splits it. */
  public static Hl7Batch read(InputStream in, Options options) throws IOException {
    return split(in.readAllBytes(), options);
  }

  public List<Hl7Message> messages() {
    return messages;
  }

  /** Where message {@code i} starts in the input bytes. */
  public int byteOffset(int i) {
    return offsets.get(i);
  }

  /** FHS, BHS, BTS and FTS segments in file order, read with the batch's delimiters. */
  public List<Segment> envelopeSegments() {
    return envelope.map(Hl7Message::segments).orElse(List.of());
  }

  /** The FHS segment, when the file has one. */
  public Optional<Segment> fileHeader() {
    return envelope.flatMap(e -> e.segment("FHS"));
  }

  /** The first BHS segment, when the file has one. */
  public Optional<Segment> batchHeader() {
    return envelope.flatMap(e -> e.segment("BHS"));
  }
}
