package com.practicestudio.hl7v2;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Finds message and envelope lines in a byte stream for {@link Hl7Batch}. */
final class BatchSplitter {

  private final byte[] bytes;
  private final Hl7Batch.Options options;
  private final List<Hl7Message> messages = new ArrayList<>();
  private final List<Integer> offsets = new ArrayList<>();
  private final StringBuilder envelope = new StringBuilder();
  private final List<Integer> messagesBeforeEnvelopeLine = new ArrayList<>();
  private final List<Integer> envelopeLineOffsets = new ArrayList<>();
  private int messageStart = -1;
  private boolean inBlockComment;

  BatchSplitter(byte[] bytes, Hl7Batch.Options options) {
    this.bytes = bytes;
    this.options = options;
  }

  Hl7Batch split() {
    int pos = startsWithBom() ? 3 : 0;
    int end = bytes.length;
    while (pos < end && isLineBreak(bytes[pos])) {
      pos++;
    }
    if (pos == end) {
      throw new Hl7ParseException(Hl7Error.EMPTY_INPUT, 0);
    }
    while (pos < end) {
      int lineEnd = pos;
      while (lineEnd < end && !isLineBreak(bytes[lineEnd])) {
        lineEnd++;
      }
      int next = lineEnd;
      while (next < end && isLineBreak(bytes[next])) {
        next++;
      }
      line(pos, lineEnd, next);
      pos = next;
    }
    closeMessage(end);
    Optional<Hl7Message> parsedEnvelope = parseEnvelope();
    parsedEnvelope.ifPresent(this::checkEnvelope);
    return new Hl7Batch(messages, offsets, parsedEnvelope);
  }

  private void line(int start, int end, int next) {
    if (isComment(start, end)) {
      closeMessage(start);
      return;
    }
    if (startsWith(start, end, "MSH")) {
      closeMessage(start);
      // the first message keeps the file's byte-order mark, so it decodes and encodes as UTF-8
      messageStart = start == 3 && startsWithBom() ? 0 : start;
    } else if (isEnvelope(start, end)) {
      closeMessage(start);
      messagesBeforeEnvelopeLine.add(messages.size());
      envelopeLineOffsets.add(start);
      envelope.append(new String(bytes, start, end - start, StandardCharsets.ISO_8859_1));
      envelope.append('\r');
    } else if (messageStart < 0) {
      String detail = startsWith(start, end, "[SOM]") ? "[SOM]/[EOM] text markers" : null;
      throw new Hl7ParseException(Hl7Error.NOT_HL7, start, detail);
    }
  }

  private boolean isComment(int start, int end) {
    if (!options.allowComments()) {
      return false;
    }
    if (inBlockComment) {
      inBlockComment = !contains(start, end, "*/");
      return true;
    }
    if (startsWith(start, end, "//")) {
      return true;
    }
    if (startsWith(start, end, "/*")) {
      inBlockComment = !contains(start + 2, end, "*/");
      return true;
    }
    return false;
  }

  private void closeMessage(int end) {
    if (messageStart < 0) {
      return;
    }
    try {
      messages.add(Hl7Message.parse(bytes, messageStart, end - messageStart));
    } catch (Hl7ParseException e) {
      int offset = e.offset() < 0 ? messageStart : messageStart + e.offset();
      throw new Hl7ParseException(
          e.error(), offset, "message " + (messages.size() + 1) + " of the batch");
    }
    offsets.add(messageStart);
    messageStart = -1;
  }

  private Optional<Hl7Message> parseEnvelope() {
    if (envelope.length() == 0) {
      return Optional.empty();
    }
    Delimiters known = messages.isEmpty() ? null : messages.get(0).delimiters();
    Hl7Charset charset =
        messages.isEmpty() ? Hl7Charset.forText(Optional.empty()) : messages.get(0).charset();
    return Optional.of(Hl7Message.envelope(envelope.toString(), known, charset));
  }

  private void checkEnvelope(Hl7Message parsed) {
    new EnvelopeCheck(
            parsed,
            messagesBeforeEnvelopeLine,
            envelopeLineOffsets,
            messages.size(),
            options.checkCounts())
        .check();
  }

  private boolean isEnvelope(int start, int end) {
    return startsWith(start, end, "FHS")
        || startsWith(start, end, "BHS")
        || startsWith(start, end, "BTS")
        || startsWith(start, end, "FTS");
  }

  private boolean startsWithBom() {
    return bytes.length >= 3
        && (bytes[0] & 0xFF) == 0xEF
        && (bytes[1] & 0xFF) == 0xBB
        && (bytes[2] & 0xFF) == 0xBF;
  }

  private boolean startsWith(int start, int end, String prefix) {
    if (end - start < prefix.length()) {
      return false;
    }
    for (int i = 0; i < prefix.length(); i++) {
      if (bytes[start + i] != prefix.charAt(i)) {
        return false;
      }
    }
    // a segment name is followed by its field separator (or ends the line)
    int after = start + prefix.length();
    return prefix.length() != 3 || after == end || !Character.isLetterOrDigit(bytes[after]);
  }

  private boolean contains(int start, int end, String text) {
    for (int i = start; i + text.length() <= end; i++) {
      if (startsWith(i, end, text)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isLineBreak(byte b) {
    return b == '\r' || b == '\n';
  }
}
