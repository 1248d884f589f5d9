package com.practicestudio.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class JournalMetricsTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final JournalMetrics metrics =
      new JournalMetrics(registry, null, Clock.systemUTC(), Duration.ofSeconds(15));

  @Test
  void counts_land_on_one_counter_per_tag_set_and_odd_types_share_other() {
    metrics.count(Channel.HL7, Direction.INBOUND, "ADT^A04", "RECEIVED");
    metrics.count(Channel.HL7, Direction.INBOUND, "ADT^A04", "RECEIVED");
    metrics.count(Channel.HL7, Direction.INBOUND, "not a type " + "x".repeat(40), "RECEIVED");
    metrics.count(Channel.HL7, Direction.INBOUND, "also \u0000 odd", "RECEIVED");

    assertThat(registry.get("journal.exchanges").tag("type", "ADT^A04").counter().count())
        .isEqualTo(2.0);
    assertThat(registry.get("journal.exchanges").tag("type", "other").counter().count())
        .isEqualTo(2.0);
    assertThat(registry.get("journal.exchanges").counters()).hasSize(2);
  }
}
