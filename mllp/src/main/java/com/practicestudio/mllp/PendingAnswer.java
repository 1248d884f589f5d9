package com.practicestudio.mllp;

import java.util.concurrent.CompletableFuture;

/**
 * A finished frame waiting for its answer on one connection: either the handler's future or, for a
 * frame the decoder rejected, the failure to answer.
 */
record PendingAnswer(
    long sequence,
    Frame frame,
    CompletableFuture<byte[]> answer,
    FrameFailure failure,
    long receivedNanos,
    long deadlineNanos) {

  /** Marks the end of a connection's frames. */
  static final PendingAnswer END = new PendingAnswer(0, null, null, null, 0, 0);

  static PendingAnswer handled(
      Frame frame, CompletableFuture<byte[]> answer, long now, long timeoutNanos) {
    return new PendingAnswer(frame.sequence(), frame, answer, null, now, now + timeoutNanos);
  }

  static PendingAnswer rejected(FrameFailure failure, long now) {
    return new PendingAnswer(failure.sequence(), null, null, failure, now, now);
  }

  boolean ready() {
    return failure != null || answer.isDone();
  }
}
