package com.practicestudio.fhir;

import com.practicestudio.codemaps.CodeMapKind;
import com.practicestudio.scheduling.AppointmentDraft;
import com.practicestudio.scheduling.AppointmentStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Appointment.AppointmentParticipantComponent;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Slot;

/**
 * Cerner's scheduling resources ⇄ Practice Studio appointments: Appointment → appointment (status
 * and type through the code maps, participants, slot, times in UTC), Slot → {@link CernerSlot}, and
 * what we send: the Appointment that books a slot (status {@code booked}, the one Slot, the one
 * Patient participant {@code accepted}, as Cerner requires) and the JSON Patch that holds or
 * releases a slot. Pure: no I/O.
 */
public final class SchedulingMapper {

  /** A slot held while it is being booked. */
  public static final String HELD = "busy-tentative";

  public static final String FREE = "free";

  private final CodeTranslator codes;

  public SchedulingMapper(CodeTranslator codes) {
    this.codes = codes;
  }

  /**
   * @param domainId the Cerner domain the appointment comes from
   */
  public AppointmentDraft toDraft(
      Appointment appointment, long domainId, CernerReferences references) {
    String patient =
        actor(appointment, "Patient")
            .orElseThrow(
                () ->
                    new FhirMappingException(
                        FhirError.INCOMPLETE,
                        "Appointment.participant",
                        "must include a Patient participant"));
    Long patientId =
        references
            .patient(patient)
            .orElseThrow(
                () ->
                    new FhirMappingException(
                        FhirError.UNKNOWN_REFERENCE,
                        "Appointment.participant",
                        "the patient is not linked"));
    return new AppointmentDraft(
        appointment.getIdElement().getIdPart(),
        patientId,
        actor(appointment, "Practitioner").flatMap(references::provider).orElse(null),
        actor(appointment, "Location").flatMap(references::location).orElse(null),
        appointmentType(appointment).orElse(null),
        status(appointment),
        appointment.hasCancelationReason()
            ? Concepts.text(appointment.getCancelationReason())
            : null,
        instant(appointment.getStart(), "Appointment.start"),
        instant(appointment.getEnd(), "Appointment.end"),
        null,
        appointment.getReasonCode().stream()
            .map(Concepts::text)
            .filter(t -> t != null)
            .findFirst()
            .orElse(null),
        appointment.hasComment() ? appointment.getComment() : null,
        domainId,
        appointment.getSlot().stream()
            .map(s -> CernerReferences.idOf(s, "Slot"))
            .flatMap(Optional::stream)
            .findFirst()
            .orElse(null),
        null);
  }

  public CernerSlot toSlot(Slot slot) {
    CodeableConcept serviceType = slot.getServiceTypeFirstRep();
    Coding cerner =
        serviceType.getCoding().stream()
            .filter(c -> FhirSystems.isCerner(c.getSystem()))
            .findFirst()
            .orElse(serviceType.getCodingFirstRep());
    Extension location = slot.getExtensionByUrl(FhirSystems.SCHEDULING_LOCATION);
    return new CernerSlot(
        slot.getIdElement().getIdPart(),
        CernerReferences.idOf(slot.getSchedule(), "Schedule").orElse(null),
        slot.hasStatus() ? slot.getStatus().toCode() : null,
        instant(slot.getStart(), "Slot.start"),
        instant(slot.getEnd(), "Slot.end"),
        cerner.getCode(),
        Concepts.text(serviceType),
        Concepts.toLocalOrReport(
                codes,
                CodeMapKind.APPOINTMENT_TYPE,
                Collections.singletonList(serviceType),
                Set.of())
            .orElse(null),
        location != null && location.getValue() instanceof Reference r
            ? CernerReferences.idOf(r, "Location").orElse(null)
            : null,
        slot.getMeta().getVersionId());
  }

  /**
   * The body that books {@code slot} for the patient: what Cerner's Appointment create takes (the
   * slot's times too, which R4 requires of a booked appointment).
   */
  public Appointment bookingRequest(CernerSlot slot, String patientFhirId, String comment) {
    Appointment appointment = new Appointment();
    appointment.setStatus(Appointment.AppointmentStatus.BOOKED);
    appointment.addSlot(new Reference("Slot/" + slot.id()));
    appointment.setStart(Date.from(slot.start()));
    appointment.setEnd(Date.from(slot.end()));
    appointment
        .addParticipant()
        .setActor(new Reference("Patient/" + patientFhirId))
        .setStatus(Appointment.ParticipationStatus.ACCEPTED);
    if (comment != null && !comment.isBlank()) {
      appointment.setComment(comment);
    }
    return appointment;
  }

  /** A JSON Patch (RFC 6902) that sets a slot's status ({@link #HELD} or {@link #FREE}). */
  public static String statusPatch(String status) {
    if (!HELD.equals(status) && !FREE.equals(status)) {
      throw new IllegalArgumentException("a slot can only be held or released");
    }
    return "[{\"op\":\"replace\",\"path\":\"/status\",\"value\":\"" + status + "\"}]";
  }

  /** The FHIR id of the patient an Appointment is for. */
  public static Optional<String> patientOf(Appointment appointment) {
    return actor(appointment, "Patient");
  }

  private String status(Appointment appointment) {
    if (!appointment.hasStatus()) {
      return null;
    }
    String code = appointment.getStatus().toCode();
    return codes
        .toLocal(CodeMapKind.APPOINTMENT_STATUS, FhirSystems.APPOINTMENT_STATUS, code)
        .or(() -> AppointmentStatus.fromCode(code).map(AppointmentStatus::code))
        .orElse(null);
  }

  /** The first service type that maps, else the appointment type. */
  private Optional<String> appointmentType(Appointment appointment) {
    List<CodeableConcept> candidates = new ArrayList<>(appointment.getServiceType());
    candidates.add(appointment.getAppointmentType());
    return Concepts.toLocalOrReport(codes, CodeMapKind.APPOINTMENT_TYPE, candidates, Set.of());
  }

  private static Optional<String> actor(Appointment appointment, String type) {
    for (AppointmentParticipantComponent participant : appointment.getParticipant()) {
      Optional<String> id = CernerReferences.idOf(participant.getActor(), type);
      if (id.isPresent()) {
        return id;
      }
    }
    return Optional.empty();
  }

  private static Instant instant(Date date, String field) {
    if (date == null) {
      throw new FhirMappingException(FhirError.INCOMPLETE, field, "is required");
    }
    return date.toInstant();
  }
}
