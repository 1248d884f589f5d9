package com.practicestudio.hl7v2;

import java.util.List;

/** Checks the order of FHS/BHS/BTS/FTS and, optionally, the counts in BTS-1 and FTS-1. */
final class EnvelopeCheck {

  private final Hl7Message envelope;
  private final List<Integer> messagesBefore;
  private final List<Integer> fileOffsets;
  private final int totalMessages;
  private final boolean checkCounts;
  private boolean batchOpen;
  private boolean fileClosed;
  private int batchStart;
  private int lastBatchEnd = -1;
  private int batches;

  EnvelopeCheck(
      Hl7Message envelope,
      List<Integer> messagesBefore,
      List<Integer> fileOffsets,
      int totalMessages,
      boolean checkCounts) {
    this.envelope = envelope;
    this.messagesBefore = messagesBefore;
    this.fileOffsets = fileOffsets;
    this.totalMessages = totalMessages;
    this.checkCounts = checkCounts;
  }

  void check() {
    List<Segment> segments = envelope.segments();
    for (int i = 0; i < segments.size(); i++) {
      Segment segment = segments.get(i);
      int before = messagesBefore.get(i);
      if (fileClosed) {
        throw structure(segment, "segment after FTS");
      }
      switch (segment.name()) {
        case "FHS" -> {
          if (i != 0 || before != 0) {
            throw structure(segment, "FHS is not first");
          }
        }
        case "BHS" -> openBatch(segment, before);
        case "BTS" -> closeBatch(segment, before);
        case "FTS" -> closeFile(segment, before);
        default -> throw structure(segment, "unexpected envelope segment");
      }
    }
    requireNoLooseMessages(totalMessages, null);
  }

  private void openBatch(Segment segment, int before) {
    if (batchOpen) {
      throw structure(segment, "BHS inside an open batch");
    }
    requireNoLooseMessages(before, segment);
    batchOpen = true;
    batchStart = before;
    batches++;
  }

  private void closeBatch(Segment segment, int before) {
    if (!batchOpen) {
      throw structure(segment, "BTS without BHS");
    }
    batchOpen = false;
    lastBatchEnd = before;
    requireCount(segment, before - batchStart, "BTS-1");
  }

  private void closeFile(Segment segment, int before) {
    if (batchOpen) {
      throw structure(segment, "FTS inside an open batch");
    }
    requireNoLooseMessages(before, segment);
    if (before != totalMessages) {
      throw structure(segment, "messages after FTS");
    }
    fileClosed = true;
    requireCount(segment, batches, "FTS-1");
  }

  /** Once a batch has been closed, every further message must sit inside another batch. */
  private void requireNoLooseMessages(int before, Segment at) {
    if (!batchOpen && lastBatchEnd >= 0 && before > lastBatchEnd) {
      throw new Hl7ParseException(
          Hl7Error.BATCH_STRUCTURE, at == null ? -1 : offset(at), "message outside BHS/BTS");
    }
  }

  private void requireCount(Segment segment, int found, String field) {
    if (!checkCounts || !segment.state(1, 1, 1, 1).isValued()) {
      return;
    }
    String declared = segment.get(1);
    long count;
    try {
      count = Hl7Numbers.parseLong(declared);
    } catch (Hl7ParseException e) {
      throw new Hl7ParseException(Hl7Error.BATCH_COUNT_MISMATCH, offset(segment), field);
    }
    if (count != found) {
      throw new Hl7ParseException(Hl7Error.BATCH_COUNT_MISMATCH, offset(segment), field);
    }
  }

  private Hl7ParseException structure(Segment segment, String detail) {
    return new Hl7ParseException(Hl7Error.BATCH_STRUCTURE, offset(segment), detail);
  }

  /** Where the envelope segment is in the input bytes. */
  private int offset(Segment segment) {
    return fileOffsets.get(segment.position());
  }
}
