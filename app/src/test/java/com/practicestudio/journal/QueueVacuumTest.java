package com.practicestudio.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.dao.QueryTimeoutException;

/** The queue is vacuumed after so many claimed rows, one vacuum at a time, and failures pass. */
class QueueVacuumTest {

  private final AtomicInteger vacuums = new AtomicInteger();

  @Test
  void vacuums_once_enough_rows_were_claimed_and_counts_again_from_zero() {
    QueueVacuum vacuum = new QueueVacuum(vacuums::incrementAndGet, 100);

    vacuum.claimed(60);
    vacuum.claimed(39);
    assertThat(vacuums).hasValue(0);

    vacuum.claimed(1);
    await().atMost(30, TimeUnit.SECONDS).untilAsserted(() -> assertThat(vacuums).hasValue(1));

    vacuum.claimed(99);
    vacuum.claimed(0);
    assertThat(vacuums).as("99 rows since the last one").hasValue(1);
    vacuum.claimed(1);
    // the first vacuum's thread may not have ended yet: the count waits for it
    await()
        .atMost(30, TimeUnit.SECONDS)
        .untilAsserted(
            () -> {
              vacuum.claimed(0);
              assertThat(vacuums).hasValue(2);
            });
  }

  @Test
  void never_runs_two_vacuums_at_once() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch started = new CountDownLatch(1);
    QueueVacuum vacuum =
        new QueueVacuum(
            () -> {
              vacuums.incrementAndGet();
              started.countDown();
              waitFor(release);
            },
            10);

    vacuum.claimed(10);
    assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
    vacuum.claimed(50);
    release.countDown();

    await()
        .during(200, TimeUnit.MILLISECONDS)
        .atMost(2, TimeUnit.SECONDS)
        .untilAsserted(() -> assertThat(vacuums).hasValue(1));
  }

  @Test
  void a_failed_vacuum_lets_the_next_one_run() {
    AtomicInteger calls = new AtomicInteger();
    QueueVacuum vacuum =
        new QueueVacuum(
            () -> {
              if (calls.incrementAndGet() == 1) {
                throw new QueryTimeoutException("canceling statement due to statement timeout");
              }
            },
            10);

    vacuum.claimed(10);
    await().atMost(30, TimeUnit.SECONDS).untilAsserted(() -> assertThat(calls).hasValue(1));
    await()
        .atMost(30, TimeUnit.SECONDS)
        .until(
            () -> {
              vacuum.claimed(10);
              return calls.get() >= 2;
            });
  }

  private static void waitFor(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
