package com.practicestudio.hl7v2;

import com.practicestudio.hl7v2.Escaping.Rendering;

/**
 * A view of one segment of an {@link Hl7Message}; costs nothing to create. Field numbers follow
 * HL7: in MSH (and FHS/BHS) field 1 is the field separator and field 2 the encoding characters,
 * both returned as they are and never split. Repetitions, components and subcomponents count from
 * 1; asking for one that is not there gives {@code ""} and {@link ValueState#ABSENT}.
 */
public final class Segment {

  private final Hl7Message message;
  private final int position;

  Segment(Hl7Message message, int position) {
    this.message = message;
    this.position = position;
  }

  /** Three characters, e.g. {@code PID}. */
  public String name() {
    return message.index().name(position);
  }

  /** Position in the message, from 0. */
  public int position() {
    return position;
  }

  /** Offset of the segment in the message text. */
  public int offset() {
    return message.index().starts[position];
  }

  /** The highest field number present (trailing empty fields count). */
  public int fieldCount() {
    return message.index().fieldCount(position);
  }

  public int repetitionCount(int field) {
    MessageIndex index = message.index();
    long span = index.fieldSpan(position, field);
    if (index.isAtomic(position, field)) {
      return Spans.count(index.text, span, Delimiters.NONE);
    }
    return Spans.count(index.text, span, index.delimiters.repetitionChar());
  }

  public int componentCount(int field, int rep) {
    MessageIndex index = message.index();
    long span = index.locate(position, field, rep, 0, 0);
    int separator =
        index.isAtomic(position, field) ? Delimiters.NONE : index.delimiters.componentChar();
    return Spans.count(index.text, span, separator);
  }

  public int subcomponentCount(int field, int rep, int component) {
    MessageIndex index = message.index();
    long span = index.locate(position, field, rep, component, 0);
    int separator =
        index.isAtomic(position, field) ? Delimiters.NONE : index.delimiters.subcomponentChar();
    return Spans.count(index.text, span, separator);
  }

  /** The decoded first repetition, component and subcomponent of a field. */
  public String get(int field) {
    return message.value(position, field, 1, 1, 1, Rendering.VERBATIM);
  }

  /** The decoded value at one position; {@code ""} when not valued (including {@code ""}). */
  public String get(int field, int rep, int component, int subcomponent) {
    return message.value(position, field, rep, component, subcomponent, Rendering.VERBATIM);
  }

  /** As {@link #get(int, int, int, int)}, with formatting commands as line breaks. */
  public String plainText(int field, int rep, int component, int subcomponent) {
    return message.value(position, field, rep, component, subcomponent, Rendering.PLAIN_TEXT);
  }

  public ValueState state(int field, int rep, int component, int subcomponent) {
    MessageIndex index = message.index();
    return Spans.state(index.text, index.locate(position, field, rep, component, subcomponent));
  }

  /** The encoded text of a whole field, all repetitions included. */
  public String raw(int field) {
    MessageIndex index = message.index();
    return Spans.raw(index.text, index.fieldSpan(position, field));
  }

  /** The encoded text of one repetition of a field. */
  public String raw(int field, int rep) {
    MessageIndex index = message.index();
    return Spans.raw(index.text, index.locate(position, field, rep, 0, 0));
  }

  /** The encoded segment without its terminator. */
  public String encode() {
    MessageIndex index = message.index();
    return index.text.substring(index.starts[position], index.ends[position]);
  }

  /** Name and position only: never content. */
  @Override
  public String toString() {
    return "Segment[" + name() + " #" + position + "]";
  }
}
