package com.practicestudio.hl7.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import com.practicestudio.codemaps.CodeMapKind;
import com.practicestudio.hl7.inbound.Fields.Coded;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A lookup reports a miss only when its last try failed, and only codes, never free text. */
class CodeTranslatorTest {

  /** Maps "system|code" (system "*" for any) and remembers what it was told is unmapped. */
  static final class FakeCodes implements CodeTranslator {
    final Map<String, String> maps;
    final List<String> unmapped = new ArrayList<>();

    FakeCodes(Map<String, String> maps) {
      this.maps = maps;
    }

    @Override
    public Optional<String> translate(CodeMapKind kind, String codeSystem, String code) {
      return Optional.ofNullable(maps.get((codeSystem == null ? "*" : codeSystem) + "|" + code));
    }

    @Override
    public void unmapped(CodeMapKind kind, String codeSystem, String code) {
      unmapped.add(kind.wire() + " " + codeSystem + " " + code);
    }
  }

  @Test
  void a_code_that_nothing_maps_is_reported_with_the_field_table_when_sent_without_a_system() {
    FakeCodes codes = new FakeCodes(Map.of());

    assertThat(codes.lookup(CodeMapKind.RACE, "HL70005", new Coded("CD:3113830", null, null)))
        .isEmpty();

    assertThat(codes.unmapped).containsExactly("race HL70005 CD:3113830");
  }

  @Test
  void a_code_sent_with_a_system_is_reported_under_that_system() {
    FakeCodes codes = new FakeCodes(Map.of());

    codes.lookup(CodeMapKind.RACE, "HL70005", new Coded("X1", "Other", "CERNER"));

    assertThat(codes.unmapped).containsExactly("race CERNER X1");
  }

  @Test
  void a_later_try_of_the_chain_that_maps_reports_nothing() {
    // the named system misses; the table, the any-system code and the display text each map
    for (Map<String, String> maps :
        List.of(
            Map.of("HL70005|X1", "2106-3"),
            Map.of("*|X1", "2106-3"),
            Map.of("*|White", "2106-3"))) {
      FakeCodes codes = new FakeCodes(maps);

      assertThat(codes.lookup(CodeMapKind.RACE, "HL70005", new Coded("X1", "White", "CERNER")))
          .contains("2106-3");
      assertThat(codes.unmapped).as(maps.toString()).isEmpty();
    }
  }

  @Test
  void text_without_a_code_is_not_reported_because_it_may_be_free_text() {
    FakeCodes codes = new FakeCodes(Map.of());

    codes.lookup(CodeMapKind.APPOINTMENT_TYPE, null, new Coded(null, "Follow up", null));
    codes.lookup(CodeMapKind.APPOINTMENT_TYPE, null, null);

    assertThat(codes.unmapped).isEmpty();
  }

  @Test
  void of_alternative_fields_a_later_one_that_maps_reports_nothing_and_none_reports_the_first() {
    Coded ais3 = new Coded("AIS-TYPE", null, null);
    Coded sch8 = new Coded("SCH-TYPE", null, null);
    FakeCodes laterMaps = new FakeCodes(Map.of("*|SCH-TYPE", "follow-up"));

    assertThat(laterMaps.lookupFirst(CodeMapKind.APPOINTMENT_TYPE, null, Arrays.asList(ais3, sch8)))
        .contains("follow-up");
    assertThat(laterMaps.unmapped).isEmpty();

    FakeCodes noneMaps = new FakeCodes(Map.of());
    assertThat(
            noneMaps.lookupFirst(
                CodeMapKind.APPOINTMENT_TYPE, null, Arrays.asList(null, ais3, sch8)))
        .isEmpty();
    assertThat(noneMaps.unmapped).containsExactly("appointment-type null AIS-TYPE");
  }
}
