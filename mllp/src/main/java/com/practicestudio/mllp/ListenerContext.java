package com.practicestudio.mllp;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadFactory;

/** What every connection of one listener shares. */
record ListenerContext(
    String name,
    ListenerOptions options,
    AsyncMessageHandler handler,
    ErrorAnswer errorAnswer,
    ListenerEvents events,
    ThreadFactory threads,
    long pollMillis) {

  private static final long MAX_POLL_MILLIS = 250;
  private static final long MIN_POLL_MILLIS = 10;

  static ListenerContext of(
      String name,
      ListenerOptions options,
      AsyncMessageHandler handler,
      ErrorAnswer errorAnswer,
      ListenerEvents events,
      ThreadFactory threads) {
    long poll = MAX_POLL_MILLIS;
    if (!options.idleTimeout().isZero()) {
      poll = Math.min(poll, options.idleTimeout().toMillis() / 4);
    }
    poll = Math.min(poll, options.receiveTimeout().toMillis() / 4);
    return new ListenerContext(
        name,
        options,
        handler,
        errorAnswer,
        new SafeEvents(events),
        threads,
        Math.max(MIN_POLL_MILLIS, poll));
  }

  /**
   * A daemon thread named {@code <listener name><suffix>}, not started. Starting it may fail (an
   * {@link OutOfMemoryError} "unable to create native thread" when the process is at its limit).
   */
  Thread thread(Runnable task, String suffix) {
    Thread t = threads.newThread(task);
    t.setName(name + suffix);
    t.setDaemon(true);
    return t;
  }

  /** Runs the application's handler on the calling thread; never throws. */
  CompletableFuture<byte[]> invoke(Frame frame, ConnectionInfo peer) {
    CompletionStage<byte[]> stage;
    try {
      stage = handler.handle(frame, peer);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    if (stage == null) {
      return CompletableFuture.failedFuture(
          new IllegalStateException("the handler returned no CompletionStage"));
    }
    if (stage instanceof CompletableFuture<byte[]> future) {
      return future; // only ever read by the listener, never completed by it
    }
    CompletableFuture<byte[]> answer = new CompletableFuture<>();
    stage.whenComplete(
        (value, failure) -> {
          if (failure != null) {
            answer.completeExceptionally(failure);
          } else {
            answer.complete(value);
          }
        });
    return answer;
  }

  static AsyncMessageHandler blocking(MessageHandler handler) {
    return (frame, peer) -> {
      try {
        return CompletableFuture.completedFuture(handler.handle(frame, peer));
      } catch (Exception e) {
        return CompletableFuture.failedFuture(e);
      }
    };
  }
}
