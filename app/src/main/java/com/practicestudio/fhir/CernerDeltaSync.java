package com.practicestudio.fhir;

import com.practicestudio.directory.LocationService;
import com.practicestudio.directory.ProviderService;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Encounter;
import org.springframework.stereotype.Service;

/**
 * Reads what changed in a Cerner domain into the journal: the appointments at every location
 * Practice Studio knows (Cerner searches appointments by location and date; it offers no {@code
 * _lastUpdated} on Appointment), and the encounters of the patients in them. Practitioners and
 * locations they name that Practice Studio does not know yet are imported first. Unchanged
 * resources are journal duplicates and are not applied again.
 */
@Service
public class CernerDeltaSync {

  private final CernerGateway gateway;
  private final CernerInbound inbound;
  private final FhirMappers mappers;
  private final LocalReferences references;
  private final ProviderService providers;
  private final LocationService locations;

  CernerDeltaSync(
      CernerGateway gateway,
      CernerInbound inbound,
      FhirMappers mappers,
      LocalReferences references,
      ProviderService providers,
      LocationService locations) {
    this.gateway = gateway;
    this.inbound = inbound;
    this.mappers = mappers;
    this.references = references;
    this.providers = providers;
    this.locations = locations;
  }

  /**
   * @param locationIds the Cerner Location ids to read appointments of
   */
  public SyncReport sync(long domainId, List<String> locationIds, Instant from, Instant to) {
    FhirEndpoint domain =
        gateway.endpoint(domainId).orElseThrow(() -> CernerGateway.noDomain(domainId));
    CernerFhirClient client = gateway.client(domainId);
    SyncReport report = SyncReport.empty();
    Set<String> patients = new LinkedHashSet<>();
    for (String location : locationIds) {
      for (Appointment appointment : client.locationAppointments(location, from, to)) {
        ensureDirectory(client, appointment);
        Optional<String> patient = SchedulingMapper.patientOf(appointment);
        patient.ifPresent(patients::add);
        report = report.plus(inbound.record(domain, appointment, patient.orElse(null)).duplicate());
      }
    }
    for (String patient : patients) {
      if (references.patient(patient).isEmpty()) {
        continue;
      }
      for (Encounter encounter : client.encounters(patient)) {
        report = report.plus(inbound.record(domain, encounter, patient).duplicate());
      }
    }
    return report;
  }

  /** The Cerner ids of the locations Practice Studio knows (those with an {@code externalId}). */
  public List<String> knownLocations() {
    List<String> ids = new java.util.ArrayList<>();
    String cursor = null;
    do {
      var page =
          locations.search(
              new com.practicestudio.directory.LocationQuery(null, null, null, true), 200, cursor);
      page.items().stream()
          .map(com.practicestudio.directory.Location::externalId)
          .filter(java.util.Objects::nonNull)
          .forEach(ids::add);
      cursor = page.next();
    } while (cursor != null);
    return ids;
  }

  private void ensureDirectory(CernerFhirClient client, Appointment appointment) {
    for (Appointment.AppointmentParticipantComponent p : appointment.getParticipant()) {
      CernerReferences.idOf(p.getActor(), "Practitioner")
          .filter(id -> references.provider(id).isEmpty())
          .ifPresent(
              id -> providers.upsert(mappers.directory().toInput(client.readPractitioner(id))));
      CernerReferences.idOf(p.getActor(), "Location")
          .filter(id -> references.location(id).isEmpty())
          .ifPresent(
              id ->
                  locations.upsert(
                      mappers
                          .directory()
                          .toInput(client.readLocation(id), client.endpoint().timeZone())));
    }
  }
}
