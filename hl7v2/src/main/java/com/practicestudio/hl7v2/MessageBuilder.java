package com.practicestudio.hl7v2;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds or changes a message by path: {@code set("PID-5.1", "O'Brien & Sons")} escapes the value
 * for this message's delimiters, {@link #setNull(String)} writes the explicit null {@code ""} and
 * {@link #setRaw(String, String)} writes already-encoded text. A path ending at a field replaces
 * the whole field; one ending at a component replaces just that component, adding separators as
 * needed. Setting a path in the segment after the last of its name ({@code ERR(2)} when there is
 * one ERR) appends that segment. Segments are written with CR terminators by default.
 *
 * <p>Not thread-safe; build, then share the resulting {@link Hl7Message}.
 */
public final class MessageBuilder {

  private final Delimiters delimiters;
  private final List<EditableSegment> segments = new ArrayList<>();
  private final Optional<Hl7Charset> charset;

  private MessageBuilder(Delimiters delimiters, Optional<Hl7Charset> charset) {
    this.delimiters = delimiters;
    this.charset = charset;
  }

  /** A message with only {@code MSH|^~\&}; set MSH-3 onwards. */
  public static MessageBuilder create() {
    return create(Delimiters.STANDARD);
  }

  /** A message with only an MSH carrying these delimiters. */
  public static MessageBuilder create(Delimiters delimiters) {
    MessageBuilder builder = new MessageBuilder(delimiters, Optional.empty());
    builder.segments.add(
        new EditableSegment(
            "MSH" + delimiters.field() + delimiters.encodingCharacters(), delimiters));
    return builder;
  }

  /** Starts from a parsed message; its delimiters and charset are kept. */
  public static MessageBuilder from(Hl7Message message) {
    MessageBuilder builder =
        new MessageBuilder(message.delimiters(), Optional.of(message.charset()));
    for (Segment segment : message.segments()) {
      builder.segments.add(new EditableSegment(segment.encode(), message.delimiters()));
    }
    return builder;
  }

  public Delimiters delimiters() {
    return delimiters;
  }

  /** Sets a plain value, escaping delimiters and line breaks. */
  public MessageBuilder set(String path, String value) {
    return setRaw(Hl7Path.of(path), Escaping.escape(value, delimiters));
  }

  /** Writes the explicit null {@code ""} (the receiver should delete its value). */
  public MessageBuilder setNull(String path) {
    return setRaw(Hl7Path.of(path), "\"\"");
  }

  /**
   * Writes text that is already encoded for these delimiters (e.g. copied with {@link
   * Hl7Message#raw(String)} from a message with the same delimiters).
   *
   * @throws Hl7ParseException HL7-017 for MSH-1/MSH-2, a line break in the text, or a part that
   *     needs a delimiter MSH-2 does not define
   */
  public MessageBuilder setRaw(String path, String encoded) {
    return setRaw(Hl7Path.of(path), encoded);
  }

  private MessageBuilder setRaw(Hl7Path path, String encoded) {
    if (encoded.indexOf('\r') >= 0 || encoded.indexOf('\n') >= 0) {
      throw new Hl7ParseException(Hl7Error.INVALID_VALUE, -1, "line break in " + path);
    }
    EditableSegment segment = segmentFor(path);
    segment.set(path.field(), path.repetition(), path.component(), path.subcomponent(), encoded);
    return this;
  }

  /** Appends an empty segment, e.g. {@code NTE}. */
  public MessageBuilder addSegment(String name) {
    if (!Hl7Path.isSegmentName(name, 0, name.length()) || name.equals("MSH")) {
      throw new Hl7ParseException(Hl7Error.INVALID_SEGMENT_NAME, -1);
    }
    segments.add(new EditableSegment(name, delimiters));
    return this;
  }

  /** The message text, each segment followed by CR. */
  public String encode() {
    return encode(SegmentTerminator.CR);
  }

  public String encode(SegmentTerminator terminator) {
    StringBuilder out = new StringBuilder(256 * segments.size());
    for (EditableSegment segment : segments) {
      segment.encodeTo(out);
      out.append(terminator.text());
    }
    return out.toString();
  }

  /**
   * Parses what was built, which checks it like any received message (MSH-9 must be valued).
   *
   * @throws Hl7ParseException when the result is not a valid message
   */
  public Hl7Message build() {
    String text = encode();
    if (charset.isPresent()) {
      return new Hl7Message(MessageScanner.scan(text, MessageScanner.Kind.MESSAGE), charset.get());
    }
    return Hl7Message.parse(text);
  }

  private EditableSegment segmentFor(Hl7Path path) {
    int occurrence = path.occurrenceOrFirst();
    int seen = 0;
    for (EditableSegment segment : segments) {
      if (segment.name().equals(path.segment()) && ++seen == occurrence) {
        return segment;
      }
    }
    if (seen + 1 == occurrence && !path.segment().equals("MSH")) {
      EditableSegment added = new EditableSegment(path.segment(), delimiters);
      segments.add(added);
      return added;
    }
    throw new Hl7ParseException(Hl7Error.INVALID_PATH, -1, "no segment " + path.segment());
  }
}
