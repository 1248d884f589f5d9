package com.practicestudio.fhir;

import java.time.Duration;

/** Waits between retries; tests replace it so that no test sleeps. */
@FunctionalInterface
public interface Sleeper {

  Sleeper REAL = d -> Thread.sleep(d.toMillis());

  void sleep(Duration duration) throws InterruptedException;
}
