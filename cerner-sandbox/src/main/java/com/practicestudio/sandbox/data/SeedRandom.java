package com.practicestudio.sandbox.data;

import java.util.List;
import java.util.Random;

/** A seeded source of choices; the same seed gives the same sequence on every JVM. */
final class SeedRandom {

  private final Random random;

  SeedRandom(long seed, long stream) {
    this.random = new Random(seed * 1_000_003L + stream);
  }

  <T> T pick(List<T> items) {
    return items.get(random.nextInt(items.size()));
  }

  /** A whole number in [lowInclusive, highInclusive]. */
  int between(int lowInclusive, int highInclusive) {
    return lowInclusive + random.nextInt(highInclusive - lowInclusive + 1);
  }

  boolean chance(double probability) {
    return random.nextDouble() < probability;
  }

  double gaussian(double mean, double deviation) {
    return mean + random.nextGaussian() * deviation;
  }

  String digits(int count) {
    StringBuilder text = new StringBuilder(count);
    for (int i = 0; i < count; i++) {
      text.append((char) ('0' + random.nextInt(10)));
    }
    return text.toString();
  }
}
