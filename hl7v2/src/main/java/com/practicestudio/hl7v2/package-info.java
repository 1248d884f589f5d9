/**
 * Fast, lossless HL7 v2 parsing, path access and encoding; pure Java, no dependencies.
 *
 * <h2>Model</h2>
 *
 * <p>An {@link com.practicestudio.hl7v2.Hl7Message} is the decoded message text plus flat {@code
 * int} arrays: where each segment starts and ends and where each field separator is. Parsing is one
 * pass over the text; nothing is split into objects per field. Repetitions, components and
 * subcomponents are found on demand by scanning inside one field, and escapes are decoded only when
 * a value is read, so a 1 KB message costs a few microseconds and a few kilobytes. Because the text
 * is kept as received, {@link com.practicestudio.hl7v2.Hl7Message#toBytes()} reproduces the input
 * byte for byte (segment terminators, blank lines, byte-order mark included); {@link
 * com.practicestudio.hl7v2.Hl7Message#encode(SegmentTerminator)} normalises terminators instead.
 *
 * <ul>
 *   <li>{@link com.practicestudio.hl7v2.Delimiters}: from MSH-1/MSH-2, any non-alphanumeric
 *       characters, 1 to 5 encoding characters.
 *   <li>{@link com.practicestudio.hl7v2.Hl7Charset}: how bytes became text (byte-order mark,
 *       MSH-18, UTF-8 detection, ISO-8859-1 fallback).
 *   <li>{@link com.practicestudio.hl7v2.Hl7Path}: {@code SEG(n)-field(rep).component.subcomponent};
 *       {@link com.practicestudio.hl7v2.Segment}: index-based views.
 *   <li>{@link com.practicestudio.hl7v2.ValueState}: absent, empty, explicit null {@code ""} or
 *       valued.
 *   <li>{@link com.practicestudio.hl7v2.Escaping}, {@link com.practicestudio.hl7v2.Hl7Timestamps},
 *       {@link com.practicestudio.hl7v2.Hl7Numbers}: values.
 *   <li>{@link com.practicestudio.hl7v2.Hl7Batch}: several messages per file, FHS/BHS envelopes.
 *   <li>{@link com.practicestudio.hl7v2.MessageBuilder} and {@link com.practicestudio.hl7v2.Acks}:
 *       outbound messages and acknowledgments.
 * </ul>
 *
 * <p>Every refusal is an {@link com.practicestudio.hl7v2.Hl7ParseException} with a stable {@link
 * com.practicestudio.hl7v2.Hl7Error} code and a position, and no message content in its text.
 */
package com.practicestudio.hl7v2;
