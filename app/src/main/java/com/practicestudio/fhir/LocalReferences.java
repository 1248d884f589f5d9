package com.practicestudio.fhir;

import com.practicestudio.clinical.Encounter;
import com.practicestudio.clinical.EncounterQuery;
import com.practicestudio.clinical.EncounterService;
import com.practicestudio.directory.Location;
import com.practicestudio.directory.LocationService;
import com.practicestudio.directory.Provider;
import com.practicestudio.directory.ProviderService;
import com.practicestudio.patients.Patient;
import com.practicestudio.patients.PatientService;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Cerner ids → Practice Studio records, by the records' {@code externalId}. */
@Component
class LocalReferences implements CernerReferences {

  private final PatientService patients;
  private final ProviderService providers;
  private final LocationService locations;
  private final EncounterService encounters;

  LocalReferences(
      PatientService patients,
      ProviderService providers,
      LocationService locations,
      EncounterService encounters) {
    this.patients = patients;
    this.providers = providers;
    this.locations = locations;
    this.encounters = encounters;
  }

  @Override
  public Optional<Long> patient(String fhirId) {
    return patients.findByExternalId(fhirId).map(Patient::id);
  }

  @Override
  public Optional<Long> provider(String fhirId) {
    return providers.findByExternalId(fhirId).map(Provider::id);
  }

  @Override
  public Optional<Long> location(String fhirId) {
    return locations.findByExternalId(fhirId).map(Location::id);
  }

  @Override
  public Optional<Long> encounter(String fhirId) {
    return encounters
        .search(new EncounterQuery(null, null, fhirId, null, null, null, null), 1, null)
        .items()
        .stream()
        .findFirst()
        .map(Encounter::id);
  }
}
