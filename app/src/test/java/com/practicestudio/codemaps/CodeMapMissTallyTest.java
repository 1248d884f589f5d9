package com.practicestudio.codemaps;

import static org.assertj.core.api.Assertions.assertThat;

import com.practicestudio.codemaps.CodeMapMissTally.Count;
import com.practicestudio.codemaps.CodeMapMissTally.Key;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CodeMapMissTallyTest {

  private static final Key RACE = new Key(CodeMapKind.RACE, "", "HL70005", "CD:3113830");
  private static final Key ETHNICITY = new Key(CodeMapKind.ETHNICITY, "", "HL70189", "CD:3120222");
  private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

  private final CodeMapMissTally tally = new CodeMapMissTally(100);

  @Test
  void counts_each_code_once_per_drain_with_first_and_last_seen_and_the_latest_row() {
    tally.note(RACE, T0, 11L);
    tally.note(ETHNICITY, T0.plusSeconds(1), 11L);
    tally.note(RACE, T0.plusSeconds(5), 12L);
    tally.note(RACE, T0.plusSeconds(9), null); // a channel that cannot name its row

    List<Map.Entry<Key, Count>> drained = tally.drain();

    assertThat(drained)
        .containsExactly(
            Map.entry(ETHNICITY, new Count(1, T0.plusSeconds(1), T0.plusSeconds(1), 11L)),
            Map.entry(RACE, new Count(3, T0, T0.plusSeconds(9), 12L)));
    assertThat(tally.drain()).as("a drain takes the counts").isEmpty();
  }

  @Test
  void counts_put_back_after_a_failed_write_merge_with_later_ones() {
    tally.note(RACE, T0.plusSeconds(5), 12L);
    List<Map.Entry<Key, Count>> failed = tally.drain();
    tally.note(RACE, T0.plusSeconds(8), 13L);

    failed.forEach(e -> tally.add(e.getKey(), e.getValue()));

    assertThat(tally.drain())
        .containsExactly(Map.entry(RACE, new Count(2, T0.plusSeconds(5), T0.plusSeconds(8), 13L)));
  }

  @Test
  void codes_beyond_the_limit_are_counted_as_dropped_while_known_ones_still_count() {
    CodeMapMissTally small = new CodeMapMissTally(1);
    small.note(RACE, T0, 1L);
    small.note(ETHNICITY, T0, 1L);
    small.note(RACE, T0, 2L);

    assertThat(small.takeDropped()).isEqualTo(1);
    assertThat(small.takeDropped()).isZero();
    assertThat(small.drain()).extracting(e -> e.getValue().times()).containsExactly(2L);
  }

  @Test
  void no_miss_is_lost_while_workers_note_during_drains() throws Exception {
    int workers = 4;
    int each = 5_000;
    ExecutorService pool = Executors.newFixedThreadPool(workers);
    CountDownLatch start = new CountDownLatch(1);
    for (int w = 0; w < workers; w++) {
      pool.submit(
          () -> {
            start.await();
            for (int i = 0; i < each; i++) {
              tally.note(i % 2 == 0 ? RACE : ETHNICITY, T0, (long) i);
            }
            return null;
          });
    }
    start.countDown();
    long total = 0;
    pool.shutdown();
    while (!pool.awaitTermination(1, TimeUnit.MILLISECONDS)) {
      total += tally.drain().stream().mapToLong(e -> e.getValue().times()).sum();
    }
    total += tally.drain().stream().mapToLong(e -> e.getValue().times()).sum();

    assertThat(total).isEqualTo((long) workers * each);
  }
}
