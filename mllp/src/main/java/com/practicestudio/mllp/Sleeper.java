package com.practicestudio.mllp;

import java.time.Duration;

/** Waits between connection attempts; tests record the waits instead of sleeping. */
@FunctionalInterface
interface Sleeper {
  Sleeper REAL = duration -> Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);

  void sleep(Duration duration) throws InterruptedException;
}
