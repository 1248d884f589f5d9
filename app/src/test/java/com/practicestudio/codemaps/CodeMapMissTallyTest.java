package com.practicestudio.codemaps;

import static org.assertj.core.api.Assertions.assertThat;

import com.practicestudio.codemaps.CodeMapMissTally.Count;
import com.practicestudio.codemaps.CodeMapMissTally.Key;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.assertj.core.groups.Tuple;
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
            Map.entry(
                ETHNICITY, new Count(1, T0.plusSeconds(1), T0.plusSeconds(1), 11L, Set.of(11L))),
            Map.entry(RACE, new Count(3, T0, T0.plusSeconds(9), 12L, Set.of(11L, 12L))));
    assertThat(tally.drain()).as("a drain takes the counts").isEmpty();
  }

  @Test
  void counts_put_back_after_a_failed_write_merge_with_later_ones() {
    tally.note(RACE, T0.plusSeconds(5), 12L);
    List<Map.Entry<Key, Count>> failed = tally.drain();
    tally.note(RACE, T0.plusSeconds(8), 13L);

    failed.forEach(e -> tally.add(e.getKey(), e.getValue()));

    assertThat(tally.drain())
        .containsExactly(
            Map.entry(
                RACE, new Count(2, T0.plusSeconds(5), T0.plusSeconds(8), 13L, Set.of(12L, 13L))));
  }

  @Test
  void a_row_applied_again_or_naming_the_code_twice_counts_once() {
    tally.note(RACE, T0, 11L);
    tally.note(RACE, T0.plusSeconds(1), 12L);
    tally.note(RACE, T0.plusSeconds(2), 11L); // row 11's group applied again
    tally.note(RACE, T0.plusSeconds(3), 12L); // row 12 retried
    tally.note(RACE, T0.plusSeconds(4), null); // without a row every miss counts
    tally.note(RACE, T0.plusSeconds(5), null);

    assertThat(tally.drain())
        .containsExactly(
            Map.entry(RACE, new Count(4, T0, T0.plusSeconds(5), 12L, Set.of(11L, 12L))));
  }

  @Test
  void counts_put_back_after_a_failed_write_do_not_count_their_rows_twice() {
    tally.note(RACE, T0, 11L);
    List<Map.Entry<Key, Count>> failed = tally.drain();
    tally.note(RACE, T0.plusSeconds(3), 11L); // retried while the write was failing
    tally.note(RACE, T0.plusSeconds(4), 12L);

    failed.forEach(e -> tally.add(e.getKey(), e.getValue()));

    assertThat(tally.drain())
        .extracting(e -> e.getValue().times(), e -> e.getValue().rows())
        .containsExactly(Tuple.tuple(2L, Set.of(11L, 12L)));
  }

  @Test
  void past_the_rows_it_remembers_a_code_counts_every_miss() {
    for (long row = 1; row <= CodeMapMissTally.MAX_ROWS_PER_KEY + 1; row++) {
      tally.note(RACE, T0, row);
    }
    tally.note(RACE, T0, 1L); // remembered: not counted
    tally.note(RACE, T0, CodeMapMissTally.MAX_ROWS_PER_KEY + 1L); // not remembered: counted

    Count count = tally.drain().get(0).getValue();

    assertThat(count.times()).isEqualTo(CodeMapMissTally.MAX_ROWS_PER_KEY + 2L);
    assertThat(count.rows()).hasSize(CodeMapMissTally.MAX_ROWS_PER_KEY);
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
      long firstRow = (long) w * each;
      pool.submit(
          () -> {
            start.await();
            for (int i = 0; i < each; i++) {
              tally.note(i % 2 == 0 ? RACE : ETHNICITY, T0, firstRow + i);
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
