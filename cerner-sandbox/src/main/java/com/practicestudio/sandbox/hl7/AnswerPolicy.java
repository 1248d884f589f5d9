package com.practicestudio.sandbox.hl7;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/**
 * Decides how the listener answers each message, in this order: the queued "next N messages"
 * answers (one is used up per message), then an answer for the message's type ({@code SIU^S12}, or
 * {@code SIU} for every trigger), then the rate rule (that fraction of messages, drawn from a
 * seeded random), then the default (AA unless set). Thread-safe.
 */
public final class AnswerPolicy {

  /** {@code count} more messages get {@code answer}. */
  public record Next(int count, Answer answer) {}

  /** About {@code fraction} of the messages get {@code answer}. */
  public record Rate(double fraction, Answer answer) {}

  /** The policy as it stands. */
  public record Snapshot(Answer fallback, Map<String, Answer> byType, List<Next> next, Rate rate) {}

  private final long seed;
  private Answer fallback = Answer.accept();
  private final Map<String, Answer> byType = new LinkedHashMap<>();
  private final Deque<Next> next = new ArrayDeque<>();
  private Rate rate;
  private Random random;

  AnswerPolicy(long seed) {
    this.seed = seed;
    this.random = new Random(seed);
  }

  /** The answer for messages no other rule picks. */
  public synchronized AnswerPolicy always(Answer answer) {
    fallback = Objects.requireNonNull(answer, "answer");
    return this;
  }

  /** The answer for one message type ({@code SIU^S12}) or every trigger of one ({@code SIU}). */
  public synchronized AnswerPolicy forType(String type, Answer answer) {
    byType.put(key(type), Objects.requireNonNull(answer, "answer"));
    return this;
  }

  /** The answer for the next {@code count} messages, whatever their type (queued after others). */
  public synchronized AnswerPolicy next(int count, Answer answer) {
    if (count < 1) {
      throw new IllegalArgumentException("count must be at least 1, was " + count);
    }
    next.addLast(new Next(count, Objects.requireNonNull(answer, "answer")));
    return this;
  }

  /** The answer for about {@code fraction} (0 to 1) of messages; null answer removes the rule. */
  public synchronized AnswerPolicy rate(double fraction, Answer answer) {
    if (answer == null) {
      rate = null;
      return this;
    }
    if (!(fraction >= 0 && fraction <= 1)) {
      throw new IllegalArgumentException("fraction must be 0 to 1, was " + fraction);
    }
    rate = new Rate(fraction, answer);
    return this;
  }

  /** Back to AA for everything (and the rate's random to its seed). */
  public synchronized AnswerPolicy reset() {
    fallback = Answer.accept();
    byType.clear();
    next.clear();
    rate = null;
    random = new Random(seed);
    return this;
  }

  public synchronized Snapshot snapshot() {
    return new Snapshot(fallback, Map.copyOf(byType), List.copyOf(new ArrayList<>(next)), rate);
  }

  /** Picks the answer for a message of this type and uses up a queued answer if one applies. */
  synchronized Answer decide(String messageType, String trigger) {
    Next first = next.pollFirst();
    if (first != null) {
      if (first.count() > 1) {
        next.addFirst(new Next(first.count() - 1, first.answer()));
      }
      return first.answer();
    }
    String code = messageType.toUpperCase(Locale.ROOT);
    Answer typed = byType.get(code + "^" + trigger.toUpperCase(Locale.ROOT));
    if (typed == null) {
      typed = byType.get(code);
    }
    if (typed != null) {
      return typed;
    }
    if (rate != null && random.nextDouble() < rate.fraction()) {
      return rate.answer();
    }
    return fallback;
  }

  private static String key(String type) {
    if (type == null || type.isBlank()) {
      throw new IllegalArgumentException("type must be like SIU^S12 or SIU");
    }
    String key = type.trim().toUpperCase(Locale.ROOT).replace('_', '^');
    return key.endsWith("^*") ? key.substring(0, key.length() - 2) : key;
  }
}
