package com.practicestudio.sandbox.hl7;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One send of a script: its messages and their answers as they come. Safe to read while it runs.
 */
public final class Hl7Run {

  /** Where a run is. */
  public enum Status {
    RUNNING,
    DONE,
    /** The sandbox stopped, or the run broke off; {@link #problem()} says why. */
    STOPPED
  }

  private final String id;
  private final Target target;
  private final int planned;
  private final Instant startedAt;
  private final List<SentMessage> messages = new ArrayList<>();
  private final CountDownLatch done = new CountDownLatch(1);
  private volatile Status status = Status.RUNNING;
  private volatile Instant finishedAt;
  private volatile String problem;

  Hl7Run(String id, Target target, int planned, Instant startedAt) {
    this.id = id;
    this.target = target;
    this.planned = planned;
    this.startedAt = startedAt;
  }

  public String id() {
    return id;
  }

  public Target target() {
    return target;
  }

  /** How many messages the run sends (duplicates included). */
  public int planned() {
    return planned;
  }

  public Instant startedAt() {
    return startedAt;
  }

  public Instant finishedAt() {
    return finishedAt;
  }

  public Status status() {
    return status;
  }

  /** Why a stopped run stopped, else null. */
  public String problem() {
    return problem;
  }

  /** The messages sent so far, in message order, each with its answer or error. */
  public List<SentMessage> messages() {
    synchronized (messages) {
      List<SentMessage> copy = new ArrayList<>(messages);
      copy.sort(Comparator.comparingInt(SentMessage::number));
      return copy;
    }
  }

  /**
   * Waits until the run ends.
   *
   * @return this run
   * @throws IllegalStateException when it is still running after {@code timeout}
   */
  public Hl7Run await(Duration timeout) {
    try {
      if (!done.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new IllegalStateException("run " + id + " still running after " + timeout);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for run " + id, e);
    }
    return this;
  }

  /** Waits at most {@code timeout}; true when the run has ended. */
  public boolean awaitQuietly(Duration timeout) {
    try {
      return done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  void record(SentMessage message) {
    synchronized (messages) {
      messages.add(message);
    }
  }

  void finish(Instant at) {
    finishedAt = at;
    status = Status.DONE;
    done.countDown();
  }

  void stop(Instant at, String why) {
    finishedAt = at;
    problem = why;
    status = Status.STOPPED;
    done.countDown();
  }
}
