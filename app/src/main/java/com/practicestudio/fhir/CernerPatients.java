package com.practicestudio.fhir;

import com.practicestudio.patients.PatientInput;
import com.practicestudio.patients.PatientService;
import com.practicestudio.patients.UpsertResult;
import com.practicestudio.security.audit.AuditAction;
import com.practicestudio.security.audit.AuditLog;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.Patient;
import org.springframework.stereotype.Service;

/**
 * Cerner patients for people: live search (audited as a PHI read of the domain's patients) and
 * import or link into Practice Studio through {@link PatientService#upsert} (by Cerner id, then
 * MRN, then other identifiers), with a preview of the field-level differences.
 */
@Service
public class CernerPatients {

  /** The most results one live search answers. */
  static final int MAX_RESULTS = 100;

  private final CernerGateway gateway;
  private final FhirMappers mappers;
  private final PatientService patients;
  private final AuditLog audit;

  CernerPatients(
      CernerGateway gateway, FhirMappers mappers, PatientService patients, AuditLog audit) {
    this.gateway = gateway;
    this.mappers = mappers;
    this.patients = patients;
    this.audit = audit;
  }

  /**
   * Patients in the patient JSON shape (no SSN), each with the local patient it is linked to. A
   * search by names alone goes to Millennium's Person search where the domain enables it, any other
   * to FHIR.
   */
  public List<CernerPatientMatch> search(long domainId, PatientSearch search) {
    search.parameters(); // the rules, before anything is sent
    CernerFhirClient client = gateway.client(domainId);
    PatientMapper mapper = mappers.patients(client.endpoint());
    boolean byNames = search.birthdate() == null && search.identifier() == null;
    List<Patient> resources =
        byNames && client.endpoint().personSearch() && client.endpoint().millenniumBase() != null
            ? gateway
                .millennium(domainId)
                .searchPersons(
                    blankToNull(search.family()), blankToNull(search.given()), MAX_RESULTS)
            : client.searchPatients(search, MAX_RESULTS);
    List<CernerPatientMatch> found =
        resources.stream()
            .map(p -> match(mapper.toInput(p), PatientMapper.replacedBy(p).orElse(null)))
            .toList();
    audit.record(
        AuditAction.PHI_READ,
        "cerner-patient",
        null,
        Map.of("domainId", domainId, "results", found.size(), "via", "api:cerner-search"));
    return found;
  }

  /** What importing would change: all fields for a new patient, the differences for a link. */
  public UpsertResult preview(long domainId, String cernerId) {
    return patients.previewUpsert(read(domainId, cernerId), Set.of());
  }

  /**
   * Imports the Cerner patient, or links and updates the local patient it names (a merged Cerner
   * patient is followed to its survivor).
   */
  public UpsertResult importPatient(long domainId, String cernerId) {
    return patients.upsert(read(domainId, cernerId), Set.of(), "FHIR Patient import");
  }

  private PatientInput read(long domainId, String cernerId) {
    CernerFhirClient client = gateway.client(domainId);
    Patient patient = client.readPatient(cernerId);
    String survivor = PatientMapper.replacedBy(patient).orElse(null);
    if (survivor != null) {
      patient = client.readPatient(survivor);
    }
    return mappers.patients(client.endpoint()).toInput(patient);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private CernerPatientMatch match(PatientInput input, String replacedBy) {
    Long linked = patients.findByExternalId(input.externalId()).map(p -> p.id()).orElse(null);
    return CernerPatientMatch.of(input, replacedBy, linked);
  }
}
