package com.practicestudio.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class JournalPropertiesTest {

  private static JournalProperties bind(Map<String, String> values) {
    return new Binder(new MapConfigurationPropertySource(values))
        .bindOrCreate("practice-studio.journal", JournalProperties.class);
  }

  @Test
  void every_setting_has_a_default() {
    JournalProperties settings = bind(Map.of());
    assertThat(settings.workers().size()).isEqualTo(4);
    assertThat(settings.workers().pollInterval()).isEqualTo(Duration.ofSeconds(1));
    assertThat(settings.workers().lease()).isEqualTo(Duration.ofMinutes(5));
    assertThat(settings.workers().applyBatch()).isEqualTo(64);
    assertThat(settings.workers().claimBatch()).isEqualTo(256);
    assertThat(settings.writer().threads()).isEqualTo(2);
    assertThat(settings.retry().maxAttempts()).isEqualTo(5);
    assertThat(settings.retryFor(Channel.FHIR)).isEqualTo(settings.retry());
    assertThat(settings.node()).isNotBlank();
  }

  @Test
  void a_channel_may_have_its_own_retry_policy_in_kebab_case_settings() {
    JournalProperties settings =
        bind(
            Map.of(
                "practice-studio.journal.node-id", "node-2",
                "practice-studio.journal.workers.poll-interval", "250ms",
                "practice-studio.journal.retry.max-attempts", "3",
                "practice-studio.journal.channel-retry.millennium.max-attempts", "8",
                "practice-studio.journal.channel-retry.millennium.initial-backoff", "1m"));
    assertThat(settings.node()).isEqualTo("node-2");
    assertThat(settings.workers().pollInterval()).isEqualTo(Duration.ofMillis(250));
    assertThat(settings.retryFor(Channel.HL7).maxAttempts()).isEqualTo(3);
    RetryPolicy millennium = settings.retryFor(Channel.MILLENNIUM);
    assertThat(millennium.maxAttempts()).isEqualTo(8);
    assertThat(millennium.initialBackoff()).isEqualTo(Duration.ofMinutes(1));
    assertThat(millennium.maxBackoff()).isEqualTo(Duration.ofMinutes(30));
  }
}
