package com.practicestudio.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class WorkerPoolTest {

  @Test
  void claimed_rows_are_dealt_out_round_robin_into_at_most_one_group_per_free_worker() {
    List<Integer> rows = List.of(0, 1, 2, 3, 4, 5, 6);

    assertThat(WorkerPool.spread(rows, 3))
        .containsExactly(List.of(0, 3, 6), List.of(1, 4), List.of(2, 5));
    assertThat(WorkerPool.spread(rows.subList(0, 2), 4))
        .as("a short backlog: one row per worker")
        .containsExactly(List.of(0), List.of(1));
    assertThat(WorkerPool.spread(List.of(), 4)).isEmpty();
  }
}
