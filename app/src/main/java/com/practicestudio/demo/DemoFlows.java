package com.practicestudio.demo;

import com.practicestudio.clinical.ObservationDraft;
import com.practicestudio.clinical.ObservationService;
import com.practicestudio.fhir.CernerDeltaSync;
import com.practicestudio.fhir.CernerPatients;
import com.practicestudio.fhir.CernerPull;
import com.practicestudio.fhir.CernerSlot;
import com.practicestudio.fhir.CernerSlots;
import com.practicestudio.hl7v2.Hl7Message;
import com.practicestudio.sandbox.CernerSandbox;
import com.practicestudio.sandbox.data.LocationRecord;
import com.practicestudio.sandbox.data.PatientRecord;
import com.practicestudio.sandbox.data.SlotStatus;
import com.practicestudio.sandbox.hl7.Hl7Run;
import com.practicestudio.sandbox.hl7.SentMessage;
import com.practicestudio.sandbox.hl7.Target;
import com.practicestudio.scheduling.Appointment;
import com.practicestudio.scheduling.AppointmentDraft;
import com.practicestudio.scheduling.AppointmentService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The demo's traffic, one method per road, each through the services the API and the console use
 * (so every exchange lands in the journal as production traffic does).
 */
final class DemoFlows {

  private final CernerSandbox sandbox;
  private final CernerPatients cernerPatients;
  private final CernerPull pull;
  private final CernerDeltaSync deltaSync;
  private final CernerSlots slots;
  private final AppointmentService appointments;
  private final ObservationService observations;
  private final Clock clock;

  DemoFlows(
      CernerSandbox sandbox,
      CernerPatients cernerPatients,
      CernerPull pull,
      CernerDeltaSync deltaSync,
      CernerSlots slots,
      AppointmentService appointments,
      ObservationService observations,
      Clock clock) {
    this.sandbox = sandbox;
    this.cernerPatients = cernerPatients;
    this.pull = pull;
    this.deltaSync = deltaSync;
    this.slots = slots;
    this.appointments = appointments;
    this.observations = observations;
    this.clock = clock;
  }

  /** How many messages the sandbox sent, and how many we acknowledged with AA. */
  record Hl7Result(int sent, int accepted) {
    String line() {
      return "HL7 from Cerner: "
          + sent
          + " messages sent to our listener, "
          + accepted
          + " accepted";
    }
  }

  /** Sends the messages of each type (count per type) from the sandbox to our listener. */
  Hl7Result hl7(int port, Map<String, Integer> countsByType) {
    List<Hl7Message> messages = new ArrayList<>();
    countsByType.forEach((type, count) -> messages.addAll(sandbox.hl7().generate(type, count)));
    Hl7Run run = sandbox.hl7().send(Target.local(port), messages);
    int accepted = (int) run.messages().stream().filter(SentMessage::accepted).count();
    return new Hl7Result(run.messages().size(), accepted);
  }

  /** Imports the first {@code count} Cerner patients over FHIR; answers their local ids. */
  List<Long> importPatients(long domainId, int count) {
    List<Long> imported = new ArrayList<>();
    for (PatientRecord p : sandbox.data().patients().stream().limit(count).toList()) {
      imported.add(
          cernerPatients.importPatient(domainId, Long.toString(p.personId())).patient().id());
    }
    return imported;
  }

  /**
   * Pulls each patient's results and documents from Cerner into the journal; answers how many new
   * rows were recorded.
   */
  int pullResults(List<Long> patientIds) {
    int recorded = 0;
    for (long patientId : patientIds) {
      recorded += pull.pull(patientId).recorded();
    }
    return recorded;
  }

  /**
   * Reads the coming two weeks of appointments at every sandbox location (with their encounters);
   * answers how many new rows were recorded.
   */
  int syncAppointments(long domainId) {
    List<String> locations =
        sandbox.data().locations().stream()
            .map(LocationRecord::locationId)
            .map(String::valueOf)
            .toList();
    Instant now = clock.instant();
    return deltaSync
        .sync(domainId, locations, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(14)))
        .recorded();
  }

  /**
   * Books the first free Cerner slot of the coming week for the patient: the appointment type is
   * taken from the sandbox's schedule (a scheduler would pick it), the slot is searched over FHIR.
   * The appointment is pending until Cerner confirms.
   */
  Optional<Appointment> bookSlot(long domainId, long patientId) {
    Instant now = clock.instant();
    Instant end = now.plus(Duration.ofDays(7));
    Optional<String> type =
        sandbox.data().slots().stream()
            .filter(s -> s.status() == SlotStatus.FREE && s.start().isAfter(now))
            .filter(s -> s.start().isBefore(end))
            .map(s -> String.valueOf(s.serviceType().millennium().value()))
            .findFirst();
    Optional<CernerSlot> slot =
        type.flatMap(t -> slots.free(domainId, now, end, t).stream().findFirst());
    return slot.map(
        s ->
            appointments.create(
                new AppointmentDraft(
                    null,
                    patientId,
                    null,
                    null,
                    null,
                    null,
                    null,
                    s.start(),
                    s.end(),
                    null,
                    "Demo booking",
                    null,
                    domainId,
                    s.id(),
                    null)));
  }

  /** Records a heart rate for the patient and sends it to Cerner. */
  void sendVitalSign(long patientId) {
    observations.create(
        new ObservationDraft(
            null,
            patientId,
            null,
            "vital-signs",
            "8867-4",
            "http://loinc.org",
            "Heart rate",
            "72",
            "/min",
            null,
            null,
            "final",
            clock.instant(),
            null,
            null,
            null,
            null,
            null,
            true,
            null));
  }
}
