package com.practicestudio.sandbox.hl7;

import com.practicestudio.hl7v2.Hl7Message;
import com.practicestudio.sandbox.data.AppointmentRecord;
import com.practicestudio.sandbox.data.DocumentRecord;
import com.practicestudio.sandbox.data.EncounterRecord;
import com.practicestudio.sandbox.data.ObservationRecord;
import com.practicestudio.sandbox.data.PatientRecord;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Picks seeded records that fit a message type and maps them (see {@link GenerateSpec}). */
final class MessageGenerator {

  private final Domain domain;
  private final long defaultSeed;
  private final AdtMapper adt;
  private final SiuMapper siu;
  private final OruMapper oru;
  private final DftMapper dft;
  private final MdmMapper mdm;

  MessageGenerator(Domain domain, long defaultSeed) {
    this.domain = domain;
    this.defaultSeed = defaultSeed;
    this.adt = new AdtMapper(domain);
    this.siu = new SiuMapper(domain);
    this.oru = new OruMapper(domain);
    this.dft = new DftMapper(domain);
    this.mdm = new MdmMapper(domain);
  }

  /**
   * @throws IllegalArgumentException when a patient or MRN is unknown, or no seeded record fits
   */
  List<Hl7Message> generate(GenerateSpec spec) {
    Set<Long> wanted = selection(spec);
    Predicate<Long> person = wanted.isEmpty() ? id -> true : wanted::contains;
    List<Supplier<Hl7Message>> subjects = subjects(spec.kind(), person);
    if (subjects.isEmpty()) {
      throw new IllegalArgumentException(
          "no seeded record fits " + spec.kind().type() + " for the selected patients");
    }
    if (wanted.isEmpty()) {
      subjects = new ArrayList<>(subjects);
      Collections.shuffle(subjects, new Random(spec.seed() == null ? defaultSeed : spec.seed()));
    }
    List<Hl7Message> messages = new ArrayList<>(spec.count());
    for (int i = 0; i < spec.count(); i++) {
      messages.add(subjects.get(i % subjects.size()).get());
    }
    return messages;
  }

  /** SIU for one appointment (e.g. one just booked). */
  Hl7Message appointment(MessageKind kind, AppointmentRecord appointment) {
    return siu.appointment(kind, appointment);
  }

  private Set<Long> selection(GenerateSpec spec) {
    Set<Long> wanted = new HashSet<>();
    for (int i = 0; i < spec.patients().size(); i++) {
      Long id = spec.patients().get(i);
      if (id == null || domain.data().patient(id).isEmpty()) {
        throw new IllegalArgumentException("patients[" + i + "] is not a seeded patient");
      }
      wanted.add(id);
    }
    Map<String, Long> byMrn = new HashMap<>();
    if (!spec.mrns().isEmpty()) {
      domain.data().patients().forEach(p -> byMrn.put(p.mrn(), p.personId()));
    }
    for (int i = 0; i < spec.mrns().size(); i++) {
      Long id = byMrn.get(spec.mrns().get(i));
      if (id == null) {
        throw new IllegalArgumentException("mrns[" + i + "] matches no seeded patient");
      }
      wanted.add(id);
    }
    return wanted;
  }

  private List<Supplier<Hl7Message>> subjects(MessageKind kind, Predicate<Long> person) {
    return switch (kind) {
      case ADT_A01, ADT_A04, ADT_A08 -> visits(kind, person);
      case ADT_A31 ->
          domain.data().patients().stream()
              .filter(p -> p.active() && person.test(p.personId()))
              .<Supplier<Hl7Message>>map(p -> () -> adt.personUpdate(p))
              .toList();
      case ADT_A40 ->
          domain.data().merges().stream()
              .filter(m -> person.test(m.toPersonId()) || person.test(m.fromPersonId()))
              .<Supplier<Hl7Message>>map(m -> () -> adt.merge(m))
              .toList();
      case SIU_S12, SIU_S14, SIU_S15 ->
          domain.data().appointments().stream()
              .filter(a -> "booked".equals(a.status()) && person.test(a.patientId()))
              .<Supplier<Hl7Message>>map(a -> () -> siu.appointment(kind, a))
              .toList();
      case ORU_R01 -> results(person);
      case DFT_P03 -> charges(person);
      case MDM_T02 -> documents(person);
    };
  }

  /** A01 prefers emergency visits, A04 outpatient ones; either falls back to any visit. */
  private List<Supplier<Hl7Message>> visits(MessageKind kind, Predicate<Long> person) {
    List<EncounterRecord> all = encounters(person);
    String preferred =
        switch (kind) {
          case ADT_A01 -> "EMER";
          case ADT_A04 -> "AMB";
          default -> null;
        };
    List<EncounterRecord> chosen =
        all.stream()
            .filter(e -> preferred == null || preferred.equals(e.encounterClass()))
            .toList();
    return (chosen.isEmpty() ? all : chosen)
        .stream().<Supplier<Hl7Message>>map(e -> () -> adt.visit(kind, e)).toList();
  }

  private List<Supplier<Hl7Message>> results(Predicate<Long> person) {
    Map<Long, List<ObservationRecord>> byEncounter = observationsByEncounter();
    List<Supplier<Hl7Message>> subjects = new ArrayList<>();
    for (EncounterRecord encounter : encounters(person)) {
      List<ObservationRecord> observations =
          byEncounter.getOrDefault(encounter.encounterId(), List.of());
      List<ObservationRecord> labs = category(observations, "laboratory");
      if (!labs.isEmpty()) {
        List<ObservationRecord> vitals = category(observations, "vital-signs");
        subjects.add(() -> oru.results(encounter, labs, vitals));
      }
    }
    return subjects;
  }

  private List<Supplier<Hl7Message>> charges(Predicate<Long> person) {
    Map<Long, List<ObservationRecord>> byEncounter = observationsByEncounter();
    return encounters(person).stream()
        .<Supplier<Hl7Message>>map(
            e -> () -> dft.charges(e, byEncounter.getOrDefault(e.encounterId(), List.of())))
        .toList();
  }

  private List<Supplier<Hl7Message>> documents(Predicate<Long> person) {
    List<Supplier<Hl7Message>> subjects = new ArrayList<>();
    for (DocumentRecord document : domain.data().documents()) {
      if (!MdmMapper.hasText(document)
          || document.encounterId() == null
          || !person.test(document.patientId())) {
        continue;
      }
      domain
          .data()
          .encounter(document.encounterId())
          .ifPresent(e -> subjects.add(() -> mdm.document(document, e)));
    }
    return subjects;
  }

  private List<EncounterRecord> encounters(Predicate<Long> person) {
    Set<Long> active = new HashSet<>();
    domain.data().patients().stream()
        .filter(PatientRecord::active)
        .forEach(p -> active.add(p.personId()));
    return domain.data().encounters().stream()
        .filter(e -> active.contains(e.patientId()) && person.test(e.patientId()))
        .toList();
  }

  private Map<Long, List<ObservationRecord>> observationsByEncounter() {
    Map<Long, List<ObservationRecord>> byEncounter = new HashMap<>();
    for (ObservationRecord observation : domain.data().observations()) {
      if (observation.encounterId() != null) {
        byEncounter
            .computeIfAbsent(observation.encounterId(), id -> new ArrayList<>())
            .add(observation);
      }
    }
    return byEncounter;
  }

  private static List<ObservationRecord> category(
      List<ObservationRecord> observations, String category) {
    return observations.stream().filter(o -> category.equals(o.category())).toList();
  }
}
