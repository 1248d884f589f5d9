package com.practicestudio.mllp;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The writer half of a listener connection: takes pending answers in frame order, waits for each,
 * frames and writes it, and flushes whenever the next answer is not ready yet (so pipelined answers
 * leave in batches). An answer that cannot come from the handler comes from {@link ErrorAnswer}.
 */
final class AnswerWriter implements Runnable {
  private static final Logger log = LoggerFactory.getLogger(AnswerWriter.class);

  private record Unflushed(int bytes, long receivedNanos) {}

  private final ListenerConnection connection;
  private final BlockingQueue<PendingAnswer> queue;
  private final OutputStream out;
  private final ListenerContext context;
  private final ArrayDeque<Unflushed> unflushed = new ArrayDeque<>();
  private final CountDownLatch finished = new CountDownLatch(1);
  private volatile long writingSinceNanos;
  private volatile long answered;

  AnswerWriter(
      ListenerConnection connection,
      BlockingQueue<PendingAnswer> queue,
      OutputStream out,
      ListenerContext context) {
    this.connection = connection;
    this.queue = queue;
    this.out = out;
    this.context = context;
  }

  @Override
  public void run() {
    try {
      writeAnswers();
    } catch (IOException e) {
      connection.writeFailed(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      queue.clear();
      finished.countDown();
    }
  }

  boolean isFinished() {
    return finished.getCount() == 0;
  }

  boolean awaitFinished(long millis) throws InterruptedException {
    return finished.await(millis, TimeUnit.MILLISECONDS);
  }

  /** How many answers have been written. */
  long answered() {
    return answered;
  }

  /** Nanos since the current write began, or 0 when not writing. */
  long writingForNanos(long now) {
    long since = writingSinceNanos;
    return since == 0 ? 0 : now - since;
  }

  private void writeAnswers() throws IOException, InterruptedException {
    for (PendingAnswer pending = queue.take();
        pending != PendingAnswer.END;
        pending = queue.take()) {
      byte[] answer = answerFor(pending);
      if (answer == null) {
        flush();
        connection.errorAnswerFailed();
        return;
      }
      write(answer, pending.receivedNanos());
      PendingAnswer next = queue.peek();
      if (next == null || next == PendingAnswer.END || !next.ready()) {
        flush();
      }
    }
    flush();
  }

  private byte[] answerFor(PendingAnswer pending) throws InterruptedException {
    if (pending.failure() != null) {
      return errorAnswer(pending.failure());
    }
    long wait = Math.max(0, pending.deadlineNanos() - System.nanoTime());
    try {
      byte[] answer = pending.answer().get(wait, TimeUnit.NANOSECONDS);
      if (answer == null) {
        return errorAnswer(failure(pending, MllpError.HANDLER_FAILED, null));
      }
      if (MllpCodec.indexOfBlockByte(answer) >= 0) {
        return errorAnswer(
            failure(
                pending,
                MllpError.HANDLER_FAILED,
                new IllegalArgumentException(MllpError.PAYLOAD_CONTAINS_BLOCK_BYTE.toString())));
      }
      return answer;
    } catch (ExecutionException e) {
      return errorAnswer(failure(pending, MllpError.HANDLER_FAILED, e.getCause()));
    } catch (CancellationException e) {
      return errorAnswer(failure(pending, MllpError.HANDLER_FAILED, e));
    } catch (TimeoutException e) {
      return errorAnswer(failure(pending, MllpError.HANDLER_TIMEOUT, null));
    }
  }

  private FrameFailure failure(PendingAnswer pending, MllpError error, Throwable cause) {
    Frame frame = pending.frame();
    // exception messages may carry message content: log the type only
    log.warn(
        "{} {} on {} frame {}{}",
        error.code(),
        error.description(),
        connection.info(),
        frame.sequence(),
        cause == null ? "" : " (" + cause.getClass().getName() + ")");
    context.events().problem(connection.info(), error, frame.length());
    return new FrameFailure(error, frame.payload(), frame.length(), frame.sequence(), cause);
  }

  private byte[] errorAnswer(FrameFailure failure) {
    byte[] answer;
    try {
      answer = context.errorAnswer().answer(failure, connection.info());
    } catch (RuntimeException e) {
      log.error(
          "{} error answer hook threw {} for {} frame {}",
          MllpError.ERROR_ANSWER_FAILED.code(),
          e.getClass().getName(),
          connection.info(),
          failure.sequence());
      return null;
    }
    if (answer == null || MllpCodec.indexOfBlockByte(answer) >= 0) {
      log.error(
          "{} error answer hook gave {} for {} frame {}",
          MllpError.ERROR_ANSWER_FAILED.code(),
          answer == null ? "no answer" : "an answer with MLLP block bytes",
          connection.info(),
          failure.sequence());
      return null;
    }
    return answer;
  }

  private void write(byte[] answer, long receivedNanos) throws IOException {
    writingSinceNanos = System.nanoTime();
    MllpCodec.writeFrame(out, answer);
    writingSinceNanos = 0;
    answered++;
    unflushed.add(new Unflushed(answer.length, receivedNanos));
  }

  private void flush() throws IOException {
    writingSinceNanos = System.nanoTime();
    out.flush();
    long now = System.nanoTime();
    writingSinceNanos = 0;
    connection.traffic(now);
    for (Unflushed sent = unflushed.poll(); sent != null; sent = unflushed.poll()) {
      context.events().answerSent(connection.info(), sent.bytes(), now - sent.receivedNanos());
    }
  }
}
