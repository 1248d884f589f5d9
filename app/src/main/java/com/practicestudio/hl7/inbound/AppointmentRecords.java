package com.practicestudio.hl7.inbound;

import com.practicestudio.codemaps.CodeMapKind;
import com.practicestudio.hl7.Hl7Properties;
import com.practicestudio.hl7.inbound.SiuTiming.Span;
import com.practicestudio.hl7v2.Segment;
import com.practicestudio.journal.Outcome;
import com.practicestudio.patients.Patient;
import com.practicestudio.scheduling.Appointment;
import com.practicestudio.scheduling.AppointmentDraft;
import com.practicestudio.scheduling.AppointmentService;
import com.practicestudio.scheduling.AppointmentStatus;
import com.practicestudio.web.InvalidRequestException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Appointments from SIU messages, keyed by the filler appointment id SCH-2 (else the placer id
 * SCH-1) as {@code externalId}: S12 creates, S14 modifies, S15 cancels. The patient is found by PID
 * (created from it when unknown), the location and provider from the resource groups (AIL-3, AIP-3,
 * else a known AIG-3; which of several counts: {@link AppointmentResources}), the type through the
 * appointment-type code map from AIS-3 (else SCH-8, SCH-7), the status through the
 * appointment-status code map from SCH-25; SCH-7 is the reason and the NTEs of the SCH group the
 * notes. As in PID, a field sent as {@code ""} (SCH-6, SCH-7, NTE-3, AIL-3, AIP-3, AIG-3) clears
 * what it maps to; an empty or absent one keeps the stored value.
 */
@Component
class AppointmentRecords {

  private static final Map<String, String> FIELDS =
      Map.of(
          "externalId", "SCH-2",
          "startTime", "SCH-11.4",
          "endTime", "SCH-11.5",
          "durationMinutes", "SCH-9",
          "appointmentType", "AIS-3",
          "status", "SCH-25",
          "statusReason", "SCH-6",
          "reason", "SCH-7",
          "notes", "NTE-3",
          "locationId", "AIL-3");

  private final AppointmentService appointments;
  private final PatientRecords patients;
  private final AppointmentResources resources;
  private final String ownApplication;

  AppointmentRecords(
      AppointmentService appointments,
      PatientRecords patients,
      AppointmentResources resources,
      Hl7Properties hl7) {
    this.appointments = appointments;
    this.patients = patients;
    this.resources = resources;
    this.ownApplication = hl7.sendingApplication();
  }

  /** Creates or modifies (S12, S14) or cancels (S15) the appointment the message names. */
  Outcome apply(Inbound in, boolean cancel) {
    Segment sch = in.required("SCH");
    String filler = Fields.text(sch, 2, 1);
    Optional<Appointment> existing =
        filler != null ? appointments.findByExternalId(filler) : Optional.empty();
    Optional<Appointment> placedHere = existing.isPresent() ? Optional.empty() : placedHere(sch);
    if (existing.isEmpty()) {
      existing = placedHere;
    }
    String placer = Fields.text(sch, 1, 1);
    if (existing.isEmpty() && filler == null && placer != null) {
      existing = appointments.findByExternalId(placer);
    }
    String externalId =
        filler != null ? filler : placedHere.isPresent() ? placedHere.get().externalId() : placer;
    if (externalId == null && existing.isEmpty()) {
      throw Hl7HandlerError.MISSING_FIELD.failure("SCH-2 and SCH-1 give no appointment id");
    }
    Patient patient = patients.findOrCreate(in, patients.read(in, in.required("PID")));
    if (existing.isPresent() && existing.get().patientId() != patient.id()) {
      throw Hl7HandlerError.PATIENT_CONFLICT.failure(
          "SCH-2 names an appointment of another patient");
    }
    if (existing.isPresent()) {
      Outcome settled = settled(in, existing.get(), sch, cancel);
      if (settled != null) {
        return settled;
      }
    }
    AppointmentDraft draft = draft(in, sch, externalId, patient.id(), cancel, existing);
    try {
      if (existing.isEmpty()) {
        Appointment created = appointments.create(draft);
        in.created("appointment", created.id(), changed(null, draft));
      } else {
        List<String> changed = changed(existing.get(), draft);
        if (!changed.isEmpty()) {
          appointments.update(existing.get().id(), draft);
          in.updated("appointment", existing.get().id(), changed);
        }
      }
      return Outcome.done();
    } catch (InvalidRequestException e) {
      throw RefusedValues.failure(e, FIELDS);
    }
  }

  /**
   * The appointment SCH-1 names when Practice Studio placed it: our outbound SIU puts our id in
   * SCH-1.1 and our application in SCH-1.2, and Cerner answers with that placer id beside its own
   * filler id (SCH-2). Without this, Cerner's S12 for a booking made here would book it twice.
   */
  private Optional<Appointment> placedHere(Segment sch) {
    String id = Fields.text(sch, 1, 1);
    String application = Fields.text(sch, 1, 2);
    if (id == null
        || application == null
        || !application.equalsIgnoreCase(ownApplication)
        || !id.chars().allMatch(Character::isDigit)
        || id.length() > 18) {
      return Optional.empty();
    }
    return appointments.find(Long.parseLong(id));
  }

  /**
   * What happens to a known appointment without reading the rest of the message: a cancel (only its
   * reason counts), or nothing when it is cancelled already; null when it is to be changed.
   */
  private Outcome settled(Inbound in, Appointment current, Segment sch, boolean cancel) {
    AppointmentStatus status = current.status();
    if (cancel) {
      if (status == AppointmentStatus.CANCELLED) {
        return Outcome.done();
      }
      if (!status.isCancellable()) {
        return Outcome.ignored("the appointment is " + status.code() + " and cannot be cancelled");
      }
      try {
        appointments.cancel(current.id(), eventReason(sch));
      } catch (InvalidRequestException e) {
        throw RefusedValues.failure(e, FIELDS);
      }
      in.updated("appointment", current.id(), List.of("status", "statusReason"));
      return Outcome.done();
    }
    if (status.isFinal()) {
      return Outcome.ignored("SCH-2 names a " + status.code() + " appointment; left unchanged");
    }
    return null;
  }

  private AppointmentDraft draft(
      Inbound in,
      Segment sch,
      String externalId,
      long patientId,
      boolean cancel,
      Optional<Appointment> existing) {
    Appointment current = existing.orElse(null);
    Long locationId = resources.location(in, current == null ? null : current.locationId());
    Long providerId = resources.provider(in, current == null ? null : current.providerId());
    Span span = SiuTiming.read(in, locationId);
    String type = appointmentType(in).orElse(current == null ? null : current.appointmentType());
    String status = cancel ? AppointmentStatus.CANCELLED.code() : status(in, sch, current);
    // SCH-6 is the reason of this event: a cancel stores it, other events only clear it with ""
    String statusReason =
        cancel
            ? eventReason(sch)
            : Fields.replaceOrKeep(sch, 6, null, current == null ? null : current.statusReason());
    String reason =
        Fields.replaceOrKeep(
            sch, 7, textElseCode(sch, 7), current == null ? null : current.reason());
    return new AppointmentDraft(
        externalId,
        patientId,
        providerId,
        locationId,
        type,
        status,
        statusReason,
        span.start(),
        span.end(),
        null,
        reason,
        notes(in, current == null ? null : current.notes()),
        current == null ? null : current.cernerDomainId(),
        current == null ? null : current.slotId(),
        null);
  }

  /** AIS-3, else SCH-8, else SCH-7 through the code map. */
  static Optional<String> appointmentType(Inbound in) {
    Segment sch = in.required("SCH");
    return in.codes()
        .lookupFirst(
            CodeMapKind.APPOINTMENT_TYPE,
            null,
            Arrays.asList(
                in.message().segment("AIS").map(s -> Fields.coded(s, 3, 1)).orElse(null),
                Fields.coded(sch, 8, 1),
                Fields.coded(sch, 7, 1)));
  }

  /** SCH-25 through the code map; booked for a new appointment when it does not map. */
  static String status(Inbound in, Segment sch, Appointment current) {
    Optional<String> mapped =
        in.codes()
            .lookup(CodeMapKind.APPOINTMENT_STATUS, "HL70278", Fields.coded(sch, 25, 1))
            .filter(AppointmentStatus.CODES::contains);
    if (mapped.isPresent()) {
      return mapped.get();
    }
    return current == null ? AppointmentStatus.BOOKED.code() : current.status().code();
  }

  private static String eventReason(Segment sch) {
    return textElseCode(sch, 6);
  }

  /** A CE/CWE field's text, else its code. */
  private static String textElseCode(Segment s, int field) {
    return Fields.text(s, field, 2) != null ? Fields.text(s, field, 2) : Fields.text(s, field, 1);
  }

  /**
   * NTE-3 of the NTEs that follow SCH (and TQ1) before the patient group starts: their lines
   * replace the stored notes; an NTE-3 sent as {@code ""} (and no line) clears them; no such NTE
   * keeps them.
   */
  static String notes(Inbound in, String stored) {
    List<String> lines = new ArrayList<>();
    boolean cleared = false;
    boolean inSchedule = false;
    for (Segment s : in.message().segments()) {
      switch (s.name()) {
        case "SCH" -> inSchedule = true;
        case "TQ1" -> {}
        case "NTE" -> {
          String line = inSchedule ? Fields.plainText(s, 3, 1, 1) : null;
          if (line != null) {
            lines.add(line);
          }
          cleared |= inSchedule && Fields.isNull(s, 3);
        }
        default -> inSchedule = false;
      }
    }
    if (!lines.isEmpty()) {
      return String.join("\n", lines);
    }
    return cleared ? null : stored;
  }

  private static List<String> changed(Appointment a, AppointmentDraft d) {
    List<String> fields = new ArrayList<>();
    EncounterRecords.diff(fields, "patientId", a == null ? null : a.patientId(), d.patientId());
    EncounterRecords.diff(fields, "providerId", a == null ? null : a.providerId(), d.providerId());
    EncounterRecords.diff(fields, "locationId", a == null ? null : a.locationId(), d.locationId());
    EncounterRecords.diff(
        fields, "appointmentType", a == null ? null : a.appointmentType(), d.appointmentType());
    EncounterRecords.diff(fields, "status", a == null ? null : a.status().code(), d.status());
    EncounterRecords.diff(
        fields, "statusReason", a == null ? null : a.statusReason(), d.statusReason());
    EncounterRecords.diff(fields, "startTime", a == null ? null : a.startTime(), d.startTime());
    EncounterRecords.diff(fields, "endTime", a == null ? null : a.endTime(), d.endTime());
    EncounterRecords.diff(fields, "reason", a == null ? null : a.reason(), d.reason());
    EncounterRecords.diff(fields, "notes", a == null ? null : a.notes(), d.notes());
    if (a == null) {
      fields.add(0, "externalId");
    } else {
      // Cerner's filler id arriving for an appointment placed here
      EncounterRecords.diff(fields, "externalId", a.externalId(), d.externalId());
    }
    return fields;
  }
}
