package com.practicestudio.fhir;

import ca.uhn.fhir.context.FhirContext;
import com.practicestudio.clinical.ClinicalDocument;
import com.practicestudio.clinical.DocumentCreated;
import com.practicestudio.clinical.DocumentService;
import com.practicestudio.clinical.EncounterService;
import com.practicestudio.clinical.Observation;
import com.practicestudio.clinical.ObservationCreated;
import com.practicestudio.directory.Provider;
import com.practicestudio.directory.ProviderService;
import com.practicestudio.journal.Channel;
import com.practicestudio.journal.ExchangeJournal;
import com.practicestudio.journal.Payload;
import com.practicestudio.patients.Patient;
import com.practicestudio.patients.PatientService;
import com.practicestudio.scheduling.Appointment;
import com.practicestudio.scheduling.AppointmentChanged;
import com.practicestudio.web.InvalidRequestException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the outbound journal row of every record that is to go to Cerner, in the transaction that
 * creates the record (a plain {@code @EventListener}: the row commits or rolls back with it). The
 * resource is built here, so what cannot be sent is refused at once, naming the field, and nothing
 * is written: an observation or document with {@code sendToCerner} whose patient is not linked to
 * Cerner, or that Cerner would refuse; an appointment booked on a Cerner slot for an unlinked
 * patient or an unknown domain.
 */
@Component
class CernerWritesListener {

  private static final org.slf4j.Logger log =
      org.slf4j.LoggerFactory.getLogger(CernerWritesListener.class);

  private final ExchangeJournal journal;
  private final CernerGateway gateway;
  private final PatientService patients;
  private final EncounterService encounters;
  private final ProviderService providers;
  private final DocumentService documents;
  private final ObservationMapper observationMapper;
  private final DocumentMapper documentMapper;
  private final JsonMapper json;
  private final FhirContext fhir = FhirContext.forR4Cached();

  CernerWritesListener(
      ExchangeJournal journal,
      CernerGateway gateway,
      PatientService patients,
      EncounterService encounters,
      ProviderService providers,
      DocumentService documents,
      ObservationMapper observationMapper,
      DocumentMapper documentMapper,
      JsonMapper json) {
    this.journal = journal;
    this.gateway = gateway;
    this.patients = patients;
    this.encounters = encounters;
    this.providers = providers;
    this.documents = documents;
    this.observationMapper = observationMapper;
    this.documentMapper = documentMapper;
    this.json = json;
  }

  @EventListener
  void observationCreated(ObservationCreated event) {
    Observation o = event.observation();
    if (!o.sendToCerner()) {
      return;
    }
    Optional<FhirEndpoint> domain = gateway.primary();
    Optional<String> linked = linked(o.patientId());
    if (domain.isEmpty() || linked.isEmpty()) {
      log.info("Observation {} stays local: {}", o.id(), reason(domain));
      return;
    }
    String patient = linked.get();
    String encounter =
        o.encounterId() == null ? null : encounters.byId(o.encounterId()).externalId();
    var resource = mapped(() -> observationMapper.toFhir(o, patient, encounter));
    journal.recordOutbound(
        FhirExchanges.outbound(
            "Observation", o.id(), domain.get().domainId(), o.patientId(), fhirPayload(resource)));
  }

  @EventListener
  void documentCreated(DocumentCreated event) {
    ClinicalDocument d = event.document();
    if (!d.sendToCerner()) {
      return;
    }
    Optional<FhirEndpoint> domain = gateway.primary();
    Optional<String> linked = linked(d.patientId());
    if (domain.isEmpty() || linked.isEmpty()) {
      log.info("Document {} stays local: {}", d.id(), reason(domain));
      return;
    }
    String patient = linked.get();
    String encounter =
        d.encounterId() == null ? null : encounters.byId(d.encounterId()).externalId();
    String author =
        d.authorId() == null
            ? null
            : providers.find(d.authorId()).map(Provider::externalId).orElse(null);
    var resource =
        mapped(
            () -> documentMapper.toFhir(d, documents.content(d.id()), patient, encounter, author));
    journal.recordOutbound(
        FhirExchanges.outbound(
            "DocumentReference",
            d.id(),
            domain.get().domainId(),
            d.patientId(),
            fhirPayload(resource)));
  }

  @EventListener
  void appointmentChanged(AppointmentChanged event) {
    Appointment a = event.after();
    if (event.kind() != AppointmentChanged.Kind.CREATED
        || a.cernerDomainId() == null
        || a.slotId() == null
        || a.externalId() != null) {
      return;
    }
    FhirEndpoint domain =
        gateway
            .endpoint(a.cernerDomainId())
            .orElseThrow(
                () ->
                    new InvalidRequestException(
                        "cernerDomainId", "is not an enabled Cerner domain"));
    String patient = linkedPatient(a.patientId(), "patientId");
    Map<String, Object> booking = new LinkedHashMap<>();
    booking.put("appointmentId", a.id());
    booking.put("slotId", a.slotId());
    booking.put("patient", patient);
    booking.put("comment", a.reason());
    journal.recordOutbound(
        FhirExchanges.outbound(
            domain.slotBooking() && domain.millenniumBase() != null
                ? Channel.MILLENNIUM
                : Channel.FHIR,
            "Appointment",
            a.id(),
            a.cernerDomainId(),
            a.patientId(),
            Payload.text(json.writeValueAsString(booking), FhirExchanges.JSON)));
  }

  private Optional<String> linked(long patientId) {
    return patients.find(patientId).map(Patient::externalId);
  }

  private static String reason(Optional<FhirEndpoint> domain) {
    return domain.isEmpty()
        ? "no Cerner domain is configured"
        : "the patient is not linked to a Cerner patient";
  }

  private String linkedPatient(long patientId, String field) {
    Patient patient = patients.find(patientId).orElseThrow();
    if (patient.externalId() == null) {
      throw new InvalidRequestException(field, "the patient is not linked to a Cerner patient");
    }
    return patient.externalId();
  }

  private static <T> T mapped(java.util.function.Supplier<T> mapping) {
    try {
      return mapping.get();
    } catch (FhirMappingException e) {
      throw new InvalidRequestException(e.field(), e.getMessage());
    }
  }

  private Payload fhirPayload(IBaseResource resource) {
    return Payload.text(
        fhir.newJsonParser().encodeResourceToString(resource), FhirExchanges.FHIR_JSON);
  }
}
