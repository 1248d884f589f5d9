package com.practicestudio.hl7v2;

import com.practicestudio.hl7v2.Escaping.Rendering;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One parsed HL7 v2 message: the original text plus flat offsets of its segments and fields.
 * Nothing is copied or unescaped until a value is read, and {@link #encode()} gives back the exact
 * text (so {@link #toBytes()} gives back the exact bytes). Immutable and thread-safe; to change a
 * message, use {@link MessageBuilder#from(Hl7Message)}.
 *
 * <p>Values are read by {@link Hl7Path path} ({@code PID-3(2).4}) or through {@link Segment} views.
 * {@link #get(String)} decodes escapes and returns {@code ""} for anything not valued, including
 * the explicit null {@code ""}; {@link #state(String)} tells those apart.
 */
public final class Hl7Message {

  private final MessageIndex index;
  private final Hl7Charset charset;

  Hl7Message(MessageIndex index, Hl7Charset charset) {
    this.index = index;
    this.charset = charset;
  }

  /**
   * Parses one message from bytes, choosing the charset as described on {@link Hl7Charset}.
   *
   * @throws Hl7ParseException when the input is not one well-formed HL7 v2 message
   */
  public static Hl7Message parse(byte[] bytes) {
    return parse(bytes, 0, bytes.length);
  }

  /** As {@link #parse(byte[])}, for a slice of a larger buffer. */
  public static Hl7Message parse(byte[] bytes, int offset, int length) {
    TextDecoder.Decoded decoded = TextDecoder.decode(bytes, offset, length);
    return new Hl7Message(
        MessageScanner.scan(decoded.text(), MessageScanner.Kind.MESSAGE), decoded.charset());
  }

  /** Parses a message that is already text. {@link #toBytes()} then uses MSH-18 or UTF-8. */
  public static Hl7Message parse(String text) {
    MessageIndex index = MessageScanner.scan(text, MessageScanner.Kind.MESSAGE);
    String declared = Spans.raw(text, index.locate(0, 18, 1, 0, 0));
    return new Hl7Message(
        index, Hl7Charset.forText(declared.isEmpty() ? Optional.empty() : Optional.of(declared)));
  }

  static Hl7Message envelope(String text, Delimiters known, Hl7Charset charset) {
    return new Hl7Message(MessageScanner.scanEnvelope(text, known), charset);
  }

  public Delimiters delimiters() {
    return index.delimiters;
  }

  public Hl7Charset charset() {
    return charset;
  }

  public int segmentCount() {
    return index.count;
  }

  /** The segment at a position, from 0. */
  public Segment segment(int position) {
    if (position < 0 || position >= index.count) {
      throw new IndexOutOfBoundsException(position);
    }
    return new Segment(this, position);
  }

  /** The first segment with this name. */
  public Optional<Segment> segment(String name) {
    return segment(name, 1);
  }

  /** The {@code occurrence}-th (from 1) segment with this name. */
  public Optional<Segment> segment(String name, int occurrence) {
    int position = index.find(name, occurrence);
    return position < 0 ? Optional.empty() : Optional.of(new Segment(this, position));
  }

  public List<Segment> segments() {
    List<Segment> segments = new ArrayList<>(index.count);
    for (int s = 0; s < index.count; s++) {
      segments.add(new Segment(this, s));
    }
    return segments;
  }

  /** Every segment with this name, in message order. */
  public List<Segment> segments(String name) {
    List<Segment> segments = new ArrayList<>();
    for (int s = 0; s < index.count; s++) {
      if (index.nameEquals(s, name)) {
        segments.add(new Segment(this, s));
      }
    }
    return segments;
  }

  /** The decoded value at a path (parts left out read as 1); {@code ""} when not valued. */
  public String get(String path) {
    return get(Hl7Path.of(path));
  }

  public String get(Hl7Path path) {
    int segment = index.find(path.segment(), path.occurrenceOrFirst());
    if (segment < 0) {
      return "";
    }
    return value(
        segment,
        path.field(),
        Math.max(path.repetition(), 1),
        Math.max(path.component(), 1),
        Math.max(path.subcomponent(), 1),
        Rendering.VERBATIM);
  }

  /** As {@link #get(String)}, with {@code \.br\} and other formatting commands as line breaks. */
  public String plainText(String path) {
    Hl7Path parsed = Hl7Path.of(path);
    int segment = index.find(parsed.segment(), parsed.occurrenceOrFirst());
    if (segment < 0) {
      return "";
    }
    return value(
        segment,
        parsed.field(),
        Math.max(parsed.repetition(), 1),
        Math.max(parsed.component(), 1),
        Math.max(parsed.subcomponent(), 1),
        Rendering.PLAIN_TEXT);
  }

  /**
   * The value at each repetition of the field in {@code path} (component and subcomponent as given,
   * else 1); a path naming a repetition gives just that one.
   */
  public List<String> getAll(String path) {
    Hl7Path parsed = Hl7Path.of(path);
    if (parsed.repetition() > 0) {
      return List.of(get(parsed));
    }
    int segment = index.find(parsed.segment(), parsed.occurrenceOrFirst());
    if (segment < 0) {
      return List.of();
    }
    Segment view = new Segment(this, segment);
    int repetitions = view.repetitionCount(parsed.field());
    List<String> values = new ArrayList<>(repetitions);
    for (int rep = 1; rep <= repetitions; rep++) {
      values.add(
          view.get(
              parsed.field(),
              rep,
              Math.max(parsed.component(), 1),
              Math.max(parsed.subcomponent(), 1)));
    }
    return values;
  }

  /** The encoded text at a path, stopping at the last part given ({@code PID-3} = whole field). */
  public String raw(String path) {
    return raw(Hl7Path.of(path));
  }

  public String raw(Hl7Path path) {
    return Spans.raw(index.text, index.locate(path, false));
  }

  /** Whether the path (parts left out read as 1) is absent, empty, the explicit null, or valued. */
  public ValueState state(String path) {
    return state(Hl7Path.of(path));
  }

  public ValueState state(Hl7Path path) {
    return Spans.state(index.text, index.locate(path, true));
  }

  /** True when the path holds the explicit null {@code ""}. */
  public boolean isNull(String path) {
    return state(path) == ValueState.NULL;
  }

  /**
   * The date/time at a path, empty when not valued.
   *
   * @throws Hl7ParseException HL7-011 when the value is not an HL7 date/time
   */
  public Optional<Hl7Timestamp> timestamp(String path) {
    Hl7Path parsed = Hl7Path.of(path);
    long span = index.locate(parsed, true);
    if (!Spans.state(index.text, span).isValued()) {
      return Optional.empty();
    }
    return Optional.of(Hl7Timestamps.parse(get(parsed), Spans.start(span)));
  }

  /**
   * The number at a path, empty when not valued.
   *
   * @throws Hl7ParseException HL7-012 when the value is not an HL7 number
   */
  public Optional<BigDecimal> decimal(String path) {
    Hl7Path parsed = Hl7Path.of(path);
    long span = index.locate(parsed, true);
    if (!Spans.state(index.text, span).isValued()) {
      return Optional.empty();
    }
    return Optional.of(Hl7Numbers.parseDecimal(get(parsed), Spans.start(span)));
  }

  /** As {@link #decimal(String)} for whole numbers (set IDs, counts). */
  public OptionalLong integer(String path) {
    Hl7Path parsed = Hl7Path.of(path);
    long span = index.locate(parsed, true);
    if (!Spans.state(index.text, span).isValued()) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(Hl7Numbers.parseLong(get(parsed), Spans.start(span)));
  }

  /** MSH-9.1, e.g. {@code ADT}. */
  public String messageType() {
    return value(0, 9, 1, 1, 1, Rendering.VERBATIM);
  }

  /** MSH-9.2, e.g. {@code A01}. */
  public String triggerEvent() {
    return value(0, 9, 1, 2, 1, Rendering.VERBATIM);
  }

  /** MSH-10. */
  public String controlId() {
    return value(0, 10, 1, 1, 1, Rendering.VERBATIM);
  }

  /** MSH-11.1, e.g. {@code P}. */
  public String processingId() {
    return value(0, 11, 1, 1, 1, Rendering.VERBATIM);
  }

  /** MSH-12.1, e.g. {@code 2.5.1}. */
  public String version() {
    return value(0, 12, 1, 1, 1, Rendering.VERBATIM);
  }

  /** The exact message text (terminators as received); may hold PHI. */
  public String encode() {
    return index.text;
  }

  /** The message text with every segment followed by {@code terminator} and blank lines removed. */
  public String encode(SegmentTerminator terminator) {
    String text = index.text;
    String end = terminator.text();
    StringBuilder out = new StringBuilder(text.length() + index.count * end.length());
    for (int s = 0; s < index.count; s++) {
      out.append(text, index.starts[s], index.ends[s]).append(end);
    }
    return out.toString();
  }

  /** The exact bytes this message was parsed from (byte-order mark included). */
  public byte[] toBytes() {
    return charset.encode(index.text);
  }

  /** As {@link #encode(SegmentTerminator)}, in this message's charset. */
  public byte[] toBytes(SegmentTerminator terminator) {
    return charset.encode(encode(terminator));
  }

  /** Type, control id and size only: never message content. */
  @Override
  public String toString() {
    return "Hl7Message["
        + index.name(0)
        + " "
        + messageType()
        + "^"
        + triggerEvent()
        + ", control id "
        + controlId()
        + ", "
        + index.count
        + " segments]";
  }

  MessageIndex index() {
    return index;
  }

  String value(int segment, int field, int rep, int component, int sub, Rendering rendering) {
    long span = index.locate(segment, field, rep, component, sub);
    if (span == Spans.NONE) {
      return "";
    }
    String text = index.text;
    int start = Spans.start(span);
    int end = Spans.end(span);
    if (index.isAtomic(segment, field)) {
      return text.substring(start, end);
    }
    if (end - start == 2 && text.charAt(start) == '"' && text.charAt(start + 1) == '"') {
      return "";
    }
    return Escaping.decode(text, start, end, index.delimiters, charset.charset(), rendering);
  }
}
