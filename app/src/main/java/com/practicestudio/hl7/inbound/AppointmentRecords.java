package com.practicestudio.hl7.inbound;

import com.practicestudio.codemaps.CodeMapKind;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Appointments from SIU messages, keyed by the filler appointment id SCH-2 (else the placer id
 * SCH-1) as {@code externalId}: S12 creates, S14 modifies, S15 cancels. The patient is found by PID
 * (created from it when unknown), the location by AIL-3, the provider by AIP-3 (else a known AIG-3
 * resource), the type through the appointment-type code map from AIS-3 (else SCH-8, SCH-7), the
 * status through the appointment-status code map from SCH-25; SCH-7 is the reason and the NTEs of
 * the SCH group the notes.
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
  private final LocationResolver locations;
  private final ProviderResolver providers;

  AppointmentRecords(
      AppointmentService appointments,
      PatientRecords patients,
      LocationResolver locations,
      ProviderResolver providers) {
    this.appointments = appointments;
    this.patients = patients;
    this.locations = locations;
    this.providers = providers;
  }

  /** Creates or modifies (S12, S14) or cancels (S15) the appointment the message names. */
  Outcome apply(Inbound in, boolean cancel) {
    Segment sch = in.required("SCH");
    String externalId =
        Fields.text(sch, 2, 1) != null ? Fields.text(sch, 2, 1) : Fields.text(sch, 1, 1);
    if (externalId == null) {
      throw Hl7HandlerError.MISSING_FIELD.failure("SCH-2 and SCH-1 give no appointment id");
    }
    Patient patient = patients.findOrCreate(in, patients.read(in, in.required("PID")));
    Optional<Appointment> existing = appointments.findByExternalId(externalId);
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
    Long locationId =
        in.message()
            .segment("AIL")
            .flatMap(ail -> locations.resolve(in, Fields.pl(ail, 3)))
            .orElse(current == null ? null : current.locationId());
    Long providerId = provider(in).orElse(current == null ? null : current.providerId());
    Span span = SiuTiming.read(in, locationId);
    String type = appointmentType(in).orElse(current == null ? null : current.appointmentType());
    String status = cancel ? AppointmentStatus.CANCELLED.code() : status(in, sch, current);
    String reason =
        Fields.text(sch, 7, 2) != null ? Fields.text(sch, 7, 2) : Fields.text(sch, 7, 1);
    String notes = notes(in);
    return new AppointmentDraft(
        externalId,
        patientId,
        providerId,
        locationId,
        type,
        status,
        cancel ? eventReason(sch) : current == null ? null : current.statusReason(),
        span.start(),
        span.end(),
        null,
        reason != null ? reason : current == null ? null : current.reason(),
        notes != null ? notes : current == null ? null : current.notes(),
        current == null ? null : current.cernerDomainId(),
        current == null ? null : current.slotId(),
        null);
  }

  private Optional<Long> provider(Inbound in) {
    Optional<Segment> aip = in.message().segment("AIP");
    if (aip.isPresent()) {
      Optional<Long> id = providers.resolve(in, Fields.xcn(aip.get(), 3, 1));
      if (id.isPresent()) {
        return id;
      }
    }
    return in.message()
        .segment("AIG")
        .flatMap(
            aig ->
                providers.find(
                    in, new Fields.Xcn(Fields.text(aig, 3, 1), null, null, null, null, null)));
  }

  static Optional<String> appointmentType(Inbound in) {
    Optional<Segment> ais = in.message().segment("AIS");
    Optional<String> type =
        ais.flatMap(
            s -> in.codes().lookup(CodeMapKind.APPOINTMENT_TYPE, null, Fields.coded(s, 3, 1)));
    Segment sch = in.required("SCH");
    for (int field : new int[] {8, 7}) {
      if (type.isEmpty()) {
        type = in.codes().lookup(CodeMapKind.APPOINTMENT_TYPE, null, Fields.coded(sch, field, 1));
      }
    }
    return type;
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
    return Fields.text(sch, 6, 2) != null ? Fields.text(sch, 6, 2) : Fields.text(sch, 6, 1);
  }

  /** NTE-3 of the NTEs that follow SCH (and TQ1) before the patient group starts. */
  static String notes(Inbound in) {
    List<String> lines = new ArrayList<>();
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
        }
        default -> inSchedule = false;
      }
    }
    return lines.isEmpty() ? null : String.join("\n", lines);
  }

  private static List<String> changed(Appointment a, AppointmentDraft d) {
    List<String> fields = new ArrayList<>();
    EncounterRecords.diff(fields, "patientId", a == null ? null : a.patientId(), d.patientId());
    EncounterRecords.diff(fields, "providerId", a == null ? null : a.providerId(), d.providerId());
    EncounterRecords.diff(fields, "locationId", a == null ? null : a.locationId(), d.locationId());
    EncounterRecords.diff(
        fields, "appointmentType", a == null ? null : a.appointmentType(), d.appointmentType());
    EncounterRecords.diff(fields, "status", a == null ? null : a.status().code(), d.status());
    EncounterRecords.diff(fields, "startTime", a == null ? null : a.startTime(), d.startTime());
    EncounterRecords.diff(fields, "endTime", a == null ? null : a.endTime(), d.endTime());
    EncounterRecords.diff(fields, "reason", a == null ? null : a.reason(), d.reason());
    EncounterRecords.diff(fields, "notes", a == null ? null : a.notes(), d.notes());
    if (a == null) {
      fields.add(0, "externalId");
    }
    return fields;
  }
}
