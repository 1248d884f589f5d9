package com.practicestudio.codemaps;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CodeMapCacheTest {

  /** A database stand-in that counts its loads. */
  static final class FakeSource implements CodeMapSource {
    long revision = 1;
    int loads;
    final List<CodeMap> maps = new ArrayList<>();

    @Override
    public long revision() {
      return revision;
    }

    @Override
    public List<CodeMap> all() {
      loads++;
      return List.copyOf(maps);
    }

    void add(
        CodeMapKind kind, String scope, String system, String code, String value, boolean pref) {
      maps.add(
          new CodeMap(
              maps.size() + 1,
              kind,
              scope,
              system,
              code,
              value,
              null,
              pref,
              Instant.EPOCH,
              Instant.EPOCH));
    }
  }

  /** A clock tests move by hand. */
  static final class SettableClock extends Clock {
    Instant now = Instant.parse("2026-11-19T14:30:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private final FakeSource source = new FakeSource();
  private final SettableClock clock = new SettableClock();
  private final CodeMapCache cache = new CodeMapCache(source, clock, Duration.ofSeconds(5));

  @Test
  void translates_from_memory_and_loads_once_per_revision() {
    source.add(CodeMapKind.GENDER, null, "57", "Female", "F", true);
    for (int i = 0; i < 1000; i++) {
      assertThat(cache.snapshot().lookup(CodeMapKind.GENDER, null, "57", "female"))
          .map(CodeMap::value)
          .contains("F");
    }
    assertThat(source.loads).isEqualTo(1);
  }

  @Test
  void sees_another_nodes_change_after_the_refresh_interval_only() {
    source.add(CodeMapKind.GENDER, null, "57", "Female", "F", true);
    cache.snapshot();
    source.add(CodeMapKind.GENDER, null, "57", "Male", "M", true);
    source.revision++;
    assertThat(cache.snapshot().lookup(CodeMapKind.GENDER, null, "57", "Male")).isEmpty();
    clock.now = clock.now.plusSeconds(5);
    assertThat(cache.snapshot().lookup(CodeMapKind.GENDER, null, "57", "Male")).isPresent();
    assertThat(source.loads).isEqualTo(2);
    clock.now = clock.now.plusSeconds(60);
    cache.snapshot();
    assertThat(source.loads).as("same revision: no reload").isEqualTo(2);
  }

  @Test
  void its_own_change_shows_at_once_after_invalidation() {
    cache.snapshot();
    source.add(CodeMapKind.RACE, null, "282", "White", "2106-3", true);
    cache.invalidate();
    assertThat(cache.snapshot().lookup(CodeMapKind.RACE, null, "282", "WHITE")).isPresent();
  }

  @Test
  void raw_cd_values_and_plain_code_values_match_each_other() {
    source.add(CodeMapKind.LANGUAGE, null, "36", "151", "en", true);
    source.add(CodeMapKind.MARITAL_STATUS, null, "38", "CD:309239", "S", true);
    var snapshot = cache.snapshot();
    assertThat(snapshot.lookup(CodeMapKind.LANGUAGE, null, "36", "CD:151")).isPresent();
    assertThat(snapshot.lookup(CodeMapKind.LANGUAGE, null, "36", "cd:151")).isPresent();
    assertThat(snapshot.lookup(CodeMapKind.MARITAL_STATUS, null, "38", "309239")).isPresent();
    assertThat(snapshot.lookup(CodeMapKind.MARITAL_STATUS, null, "38", "309240")).isEmpty();
    assertThat(snapshot.lookup(CodeMapKind.MARITAL_STATUS, null, "38", " cd:309239 ")).isPresent();
  }

  @Test
  void only_digits_after_cd_make_a_raw_value() {
    source.add(CodeMapKind.LANGUAGE, null, "36", "151", "en", true);
    source.add(CodeMapKind.LANGUAGE, null, "36", "cd:", "none", true);
    var snapshot = cache.snapshot();
    assertThat(snapshot.lookup(CodeMapKind.LANGUAGE, null, "36", "CD:151x")).isEmpty();
    assertThat(snapshot.lookup(CodeMapKind.LANGUAGE, null, "36", "CD:"))
        .map(CodeMap::value)
        .contains("none");
    assertThat(snapshot.lookup(CodeMapKind.LANGUAGE, null, "36", "")).isEmpty();
  }

  @Test
  void a_scope_overrides_the_default_and_falls_back_to_it() {
    source.add(CodeMapKind.APPOINTMENT_TYPE, null, "14249", "Office Visit", "office-visit", true);
    source.add(
        CodeMapKind.APPOINTMENT_TYPE, "north", "14249", "Office Visit", "clinic-visit", true);
    var snapshot = cache.snapshot();
    assertThat(snapshot.lookup(CodeMapKind.APPOINTMENT_TYPE, "north", "14249", "Office Visit"))
        .map(CodeMap::value)
        .contains("clinic-visit");
    assertThat(snapshot.lookup(CodeMapKind.APPOINTMENT_TYPE, "south", "14249", "Office Visit"))
        .map(CodeMap::value)
        .contains("office-visit");
    assertThat(snapshot.lookup(CodeMapKind.APPOINTMENT_TYPE, null, "14249", "Office Visit"))
        .map(CodeMap::value)
        .contains("office-visit");
  }

  @Test
  void without_a_system_any_system_of_the_kind_matches_preferred_first() {
    source.add(CodeMapKind.GENDER, null, "HL70001", "F", "F", false);
    source.add(CodeMapKind.GENDER, null, "57", "F", "F", true);
    assertThat(cache.snapshot().lookup(CodeMapKind.GENDER, null, null, "f"))
        .map(CodeMap::codeSystem)
        .contains("57");
    assertThat(cache.snapshot().lookup(CodeMapKind.RACE, null, null, "f")).isEmpty();
  }

  @Test
  void reverse_picks_the_preferred_code_of_the_asked_system() {
    source.add(CodeMapKind.MARITAL_STATUS, null, "38", "Married", "M", false);
    source.add(CodeMapKind.MARITAL_STATUS, null, "38", "309237", "M", true);
    source.add(CodeMapKind.MARITAL_STATUS, null, "HL70002", "M", "M", true);
    var snapshot = cache.snapshot();
    assertThat(snapshot.reverse(CodeMapKind.MARITAL_STATUS, null, "38", "M"))
        .map(CodeMap::code)
        .contains("309237");
    assertThat(snapshot.reverse(CodeMapKind.MARITAL_STATUS, null, "HL70002", "M"))
        .map(CodeMap::code)
        .contains("M");
    assertThat(snapshot.reverse(CodeMapKind.MARITAL_STATUS, null, "HL70002", "W")).isEmpty();
  }
}
