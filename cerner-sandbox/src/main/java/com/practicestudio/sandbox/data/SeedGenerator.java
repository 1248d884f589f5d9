package com.practicestudio.sandbox.data;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Builds the sandbox domain from a seed: the same seed, patient count and day (from the clock) give
 * the same records, byte for byte.
 */
public final class SeedGenerator {

  /** Ids of records created at run time start here, above every seeded id. */
  static final long FIRST_CREATED_ID = 300_000_000L;

  private static final ZoneId DOMAIN_ZONE = ZoneId.of("America/Chicago");

  private SeedGenerator() {}

  /**
   * Generates a domain.
   *
   * @param seed the data seed
   * @param patientCount how many patient records (including near-duplicates and merged ones)
   * @param clock the clock whose date is "today" (slots run 30 days from it)
   */
  public static SandboxData generate(long seed, int patientCount, Clock clock) {
    if (patientCount < 20) {
      throw new IllegalArgumentException("patients must be at least 20, was " + patientCount);
    }
    LocalDate today = LocalDate.ofInstant(clock.instant(), DOMAIN_ZONE);
    Instant seededAt = today.atStartOfDay(DOMAIN_ZONE).toInstant().truncatedTo(ChronoUnit.SECONDS);
    PatientSeeder people = new PatientSeeder(seed, today, seededAt);
    people.generate(patientCount);
    List<PatientRecord> active = people.patients().stream().filter(PatientRecord::active).toList();
    OrganizationSeeder organization = new OrganizationSeeder(seed, seededAt);
    organization.generate(Math.max(2, Math.min(40, patientCount / 50)), today, active);
    ClinicalSeeder clinical = new ClinicalSeeder(seed, today, seededAt);
    clinical.generate(people.patients(), organization.providers());
    SandboxData data = new SandboxData(clock, FIRST_CREATED_ID);
    data.putAll(
        new SandboxData.SeedBatch(
            people.patients(),
            organization.providers(),
            organization.locations(),
            organization.schedules(),
            organization.slots(),
            organization.appointments(),
            clinical.encounters(),
            clinical.observations(),
            clinical.documents(),
            people.merges()));
    return data;
  }
}
