package com.practicestudio.sandbox.data;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SeedGeneratorTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-25T15:00:00Z"), ZoneOffset.UTC);
  private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

  @Test
  void the_same_seed_gives_the_same_data_byte_for_byte() throws Exception {
    assertThat(snapshot(SeedGenerator.generate(7, 300, CLOCK)))
        .isEqualTo(snapshot(SeedGenerator.generate(7, 300, CLOCK)));
  }

  @Test
  void another_seed_gives_other_data() throws Exception {
    assertThat(snapshot(SeedGenerator.generate(7, 300, CLOCK)))
        .isNotEqualTo(snapshot(SeedGenerator.generate(8, 300, CLOCK)));
  }

  @Test
  void a_thousand_patients_are_generated_well_under_a_few_seconds() {
    long started = System.nanoTime();
    SandboxData data = SeedGenerator.generate(1, 1000, CLOCK);
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    assertThat(data.patients()).hasSize(1000);
    assertThat(took).isLessThan(Duration.ofSeconds(3));
  }

  @Test
  void patients_have_us_demographics_mrns_and_person_ids() {
    SandboxData data = SeedGenerator.generate(1, 1000, CLOCK);
    for (PatientRecord patient : data.patients()) {
      assertThat(patient.mrn()).matches("\\d{8}");
      assertThat(patient.personId()).isGreaterThan(12_000_000L);
      assertThat(patient.addresses().get(0).state()).isIn("MO", "KS");
      assertThat(patient.addresses().get(0).postalCode()).matches("\\d{5}");
      assertThat(patient.phones()).allMatch(p -> p.number().matches("\\+1\\d{10}"));
      assertThat(patient.birthDate()).isBefore(LocalDate.of(2026, 11, 26));
      assertThat(patient.race().standard().system()).isEqualTo(Concept.CDC_RACE);
      assertThat(patient.language().standard().system()).isEqualTo(Concept.BCP47);
    }
    Map<String, Long> mrns =
        data.patients().stream()
            .collect(Collectors.groupingBy(PatientRecord::mrn, Collectors.counting()));
    assertThat(mrns.values()).allMatch(count -> count == 1);
  }

  @Test
  void some_records_are_near_duplicates_and_some_were_merged() {
    SandboxData data = SeedGenerator.generate(1, 1000, CLOCK);
    assertThat(data.merges()).hasSizeGreaterThan(5);
    for (MergeRecord merge : data.merges()) {
      PatientRecord merged = data.patient(merge.fromPersonId()).orElseThrow();
      PatientRecord survivor = data.patient(merge.toPersonId()).orElseThrow();
      assertThat(merged.active()).isFalse();
      assertThat(merged.mergedInto()).isEqualTo(survivor.personId());
      assertThat(survivor.active()).isTrue();
      assertThat(merged.mrn()).isNotEqualTo(survivor.mrn());
    }
    long sameBirthAndSex =
        data.patients().stream()
            .collect(
                Collectors.groupingBy(p -> p.birthDate() + "/" + p.sex(), Collectors.counting()))
            .values()
            .stream()
            .filter(count -> count > 1)
            .count();
    assertThat(sameBirthAndSex).isGreaterThan(20);
  }

  @Test
  void providers_carry_valid_npis() {
    for (ProviderRecord provider : SeedGenerator.generate(1, 1000, CLOCK).providers()) {
      assertThat(provider.npi()).matches("\\d{10}");
      assertThat(luhnValid("80840" + provider.npi())).isTrue();
    }
  }

  @Test
  void locations_have_their_own_time_zones() {
    List<ZoneId> zones =
        SeedGenerator.generate(1, 1000, CLOCK).locations().stream()
            .map(LocationRecord::zone)
            .distinct()
            .toList();
    assertThat(zones).contains(ZoneId.of("America/Chicago"), ZoneId.of("America/Denver"));
  }

  @Test
  void schedules_have_thirty_days_of_weekday_slots_from_today() {
    SandboxData data = SeedGenerator.generate(1, 1000, CLOCK);
    List<SlotRecord> slots = data.slots();
    LocalDate today = LocalDate.of(2026, 11, 25);
    ZoneId central = ZoneId.of("America/Chicago");
    assertThat(slots.get(0).start().atZone(central).toLocalDate()).isEqualTo(today);
    assertThat(slots.get(slots.size() - 1).start().atZone(central).toLocalDate())
        .isBefore(today.plusDays(30));
    assertThat(slots)
        .noneMatch(
            s ->
                s.start().atZone(central).getDayOfWeek() == DayOfWeek.SATURDAY
                    || s.start().atZone(central).getDayOfWeek() == DayOfWeek.SUNDAY);
    assertThat(slots).anyMatch(s -> s.status() == SlotStatus.FREE);
    assertThat(data.appointments()).isNotEmpty();
    assertThat(slots.stream().filter(s -> s.status() == SlotStatus.BUSY).count())
        .isEqualTo(data.appointments().size());
  }

  @Test
  void body_height_is_loinc_8302_2_in_centimetres() {
    SandboxData data = SeedGenerator.generate(1, 200, CLOCK);
    List<ObservationRecord> heights =
        data.observations().stream().filter(o -> o.code().code().equals("8302-2")).toList();
    assertThat(heights).isNotEmpty();
    assertThat(heights)
        .allMatch(h -> h.value().ucum().equals("cm") && h.code().system().equals(Concept.LOINC));
    assertThat(data.observations()).anyMatch(o -> o.category().equals("laboratory"));
    assertThat(data.encounters()).allMatch(e -> e.fin().matches("\\d{9}"));
    assertThat(data.documents()).anyMatch(d -> d.contentType().equals("application/pdf"));
  }

  private static boolean luhnValid(String digits) {
    int sum = 0;
    for (int i = digits.length() - 1, position = 0; i >= 0; i--, position++) {
      int digit = digits.charAt(i) - '0';
      if (position % 2 == 1) {
        digit *= 2;
        if (digit > 9) {
          digit -= 9;
        }
      }
      sum += digit;
    }
    return sum % 10 == 0;
  }

  private static byte[] snapshot(SandboxData data) throws Exception {
    return JSON.writeValueAsBytes(
        List.of(
            data.patients(),
            data.providers(),
            data.locations(),
            data.schedules(),
            data.slots(),
            data.appointments(),
            data.encounters(),
            data.observations(),
            data.documents(),
            data.merges()));
  }
}
