package com.practicestudio.sandbox.data;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;

/**
 * Generates each active patient's past encounters (with FINs), the vital signs taken at each, lab
 * results for some and a clinical note for some.
 */
final class ClinicalSeeder {

  private static final long FIRST_ENCOUNTER_ID = 97_700_000L;
  private static final long FIRST_OBSERVATION_ID = 200_000_000L;
  private static final long FIRST_DOCUMENT_ID = 197_000_000L;

  private final SeedRandom random;
  private final LocalDate today;
  private final Instant now;
  private final List<EncounterRecord> encounters = new ArrayList<>();
  private final List<ObservationRecord> observations = new ArrayList<>();
  private final List<DocumentRecord> documents = new ArrayList<>();
  private final VitalSigns vitals;
  private final LabResults labs;
  private long nextEncounterId = FIRST_ENCOUNTER_ID;
  private long nextObservationId = FIRST_OBSERVATION_ID;
  private long nextDocumentId = FIRST_DOCUMENT_ID;
  private long nextFin = 970_000_000L;

  ClinicalSeeder(long seed, LocalDate today, Instant now) {
    this.random = new SeedRandom(seed, 3);
    this.today = today;
    this.now = now;
    this.vitals = new VitalSigns(random);
    this.labs = new LabResults(random);
  }

  List<EncounterRecord> encounters() {
    return encounters;
  }

  List<ObservationRecord> observations() {
    return observations;
  }

  List<DocumentRecord> documents() {
    return documents;
  }

  void generate(List<PatientRecord> patients, List<ProviderRecord> providers) {
    for (PatientRecord patient : patients) {
      if (!patient.active()) {
        continue;
      }
      int visits = random.between(1, 3);
      for (int i = 0; i < visits; i++) {
        ProviderRecord provider = random.pick(providers);
        EncounterRecord encounter = encounter(patient, provider);
        encounters.add(encounter);
        addObservations(patient, encounter);
        if (random.chance(0.4)) {
          documents.add(document(patient, encounter, provider));
        }
      }
    }
  }

  private EncounterRecord encounter(PatientRecord patient, ProviderRecord provider) {
    Instant start =
        now.minusSeconds(86_400L * random.between(1, 730) + 60L * random.between(0, 600));
    boolean emergency = random.chance(0.08);
    Instant end = start.plusSeconds(60L * (emergency ? random.between(120, 480) : 30));
    nextFin += random.between(1, 50);
    return new EncounterRecord(
        nextEncounterId++,
        patient.personId(),
        Long.toString(nextFin),
        emergency ? "EMER" : "AMB",
        emergency ? MillenniumCodes.EMERGENCY : MillenniumCodes.OUTPATIENT,
        "finished",
        start,
        end,
        provider.locationId(),
        provider.personnelId(),
        end);
  }

  private void addObservations(PatientRecord patient, EncounterRecord encounter) {
    int ageYears = Period.between(patient.birthDate(), today).getYears();
    Instant taken = encounter.start().plusSeconds(600);
    for (VitalSigns.Reading reading : vitals.readings(ageYears, patient.sex())) {
      observations.add(
          new ObservationRecord(
              nextObservationId++,
              patient.personId(),
              encounter.encounterId(),
              "vital-signs",
              "final",
              reading.code(),
              reading.value(),
              reading.components(),
              taken,
              taken.plusSeconds(120),
              null,
              null,
              null,
              1));
    }
    if (ageYears >= 18 && random.chance(0.3)) {
      Instant collected = taken.plusSeconds(900);
      for (LabResults.Result result : labs.panel(patient.sex())) {
        observations.add(
            new ObservationRecord(
                nextObservationId++,
                patient.personId(),
                encounter.encounterId(),
                "laboratory",
                "final",
                result.code(),
                result.value(),
                List.of(),
                collected,
                collected.plusSeconds(3 * 3600),
                result.low(),
                result.high(),
                result.interpretation(),
                1));
      }
    }
  }

  private DocumentRecord document(
      PatientRecord patient, EncounterRecord encounter, ProviderRecord author) {
    Concept type =
        random.pick(
            List.of(
                Concept.loinc("11506-3", "Progress note"),
                Concept.loinc("34117-2", "History and physical note"),
                Concept.loinc("11488-4", "Consult note")));
    List<String> lines =
        List.of(
            type.display(),
            "Visit date: " + encounter.start().toString().substring(0, 10),
            "Author: "
                + author.name().given()
                + " "
                + author.name().family()
                + ", "
                + author.credential(),
            "Assessment: stable. Plan: continue current care, follow up in 3 months.");
    String contentType;
    byte[] content;
    switch (random.between(0, 2)) {
      case 0 -> {
        contentType = "application/pdf";
        content = MinimalPdf.of(lines);
      }
      case 1 -> {
        contentType = "application/xhtml+xml";
        content = xhtml(lines).getBytes(java.nio.charset.StandardCharsets.UTF_8);
      }
      default -> {
        contentType = "text/plain";
        content = String.join("\n", lines).getBytes(java.nio.charset.StandardCharsets.UTF_8);
      }
    }
    return new DocumentRecord(
        nextDocumentId++,
        patient.personId(),
        encounter.encounterId(),
        author.personnelId(),
        type,
        type.display(),
        "current",
        contentType,
        content,
        encounter.end(),
        1);
  }

  private static String xhtml(List<String> lines) {
    StringBuilder body = new StringBuilder();
    for (String line : lines) {
      body.append("<p>").append(line.replace("&", "&amp;").replace("<", "&lt;")).append("</p>");
    }
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + "<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>"
        + lines.get(0)
        + "</title></head><body>"
        + body
        + "</body></html>";
  }

  static BigDecimal round(double value, int scale) {
    return BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_UP);
  }
}
