package com.practicestudio.patients;

import com.practicestudio.web.InvalidRequestException;
import com.practicestudio.web.Page;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/v1/patients}. Reads are audited PHI reads ({@code via = "api"}); the SSN is returned
 * only to users allowed PHI. Updates take the version read back as {@code If-Match} (or the body's
 * {@code version}); a stale one answers 409.
 */
@RestController
@RequestMapping("/api/v1/patients")
@PreAuthorize("hasAuthority('RECORDS_READ')")
class PatientsApiController {

  private static final String VIA = "api";

  private final PatientService patients;
  private final PatientJson json;

  PatientsApiController(PatientService patients, PatientJson json) {
    this.patients = patients;
    this.json = json;
  }

  record MergeRequest(Long mergedId) {}

  @GetMapping
  Page<Patient> search(
      @RequestParam(required = false) String mrn,
      @RequestParam(required = false) String externalId,
      @RequestParam(required = false) String lastName,
      @RequestParam(required = false) String firstName,
      @RequestParam(required = false) String dateOfBirth,
      @RequestParam(required = false) String identifier,
      @RequestParam(defaultValue = "false") boolean includeMerged,
      @RequestParam(required = false) Integer limit,
      @RequestParam(required = false) String cursor) {
    PatientQuery query =
        new PatientQuery(
            mrn, externalId, lastName, firstName, dateOfBirth, identifier, includeMerged);
    return patients.search(query, Page.limit(limit), cursor, VIA);
  }

  @GetMapping("/{id}")
  ResponseEntity<Patient> get(@PathVariable long id) {
    Patient p = patients.read(id, VIA);
    return ResponseEntity.ok().eTag(etag(p)).body(p);
  }

  @PostMapping
  @PreAuthorize("hasAuthority('RECORDS_WRITE')")
  ResponseEntity<Patient> create(@RequestBody JsonNode body) {
    Patient p = patients.create(json.read(body));
    return ResponseEntity.created(URI.create("/api/v1/patients/" + p.id())).eTag(etag(p)).body(p);
  }

  @PutMapping("/{id}")
  @PreAuthorize("hasAuthority('RECORDS_WRITE')")
  ResponseEntity<Patient> replace(
      @PathVariable long id,
      @RequestHeader(name = "If-Match", required = false) String ifMatch,
      @RequestBody JsonNode body) {
    Patient p =
        patients.replace(
            id, json.read(body), PatientJson.explicitNull(body, "ssn"), version(ifMatch));
    return ResponseEntity.ok().eTag(etag(p)).body(p);
  }

  @PatchMapping(
      path = "/{id}",
      consumes = {"application/merge-patch+json", "application/json"})
  @PreAuthorize("hasAuthority('RECORDS_WRITE')")
  ResponseEntity<Patient> patch(
      @PathVariable long id,
      @RequestHeader(name = "If-Match", required = false) String ifMatch,
      @RequestBody JsonNode body) {
    if (body == null || !body.isObject()) {
      throw new InvalidRequestException("body", "must be a JSON object");
    }
    Patient p = patients.patch(id, body, version(ifMatch));
    return ResponseEntity.ok().eTag(etag(p)).body(p);
  }

  @PostMapping("/{survivorId}/merge")
  @PreAuthorize("hasAuthority('RECORDS_WRITE')")
  PatientMerge merge(@PathVariable long survivorId, @RequestBody MergeRequest body) {
    if (body == null || body.mergedId() == null) {
      throw new InvalidRequestException("mergedId", "is required");
    }
    return patients.merge(survivorId, body.mergedId(), VIA, null);
  }

  @GetMapping("/{id}/merges")
  List<PatientMerge> merges(@PathVariable long id) {
    return patients.merges(id);
  }

  private static String etag(Patient p) {
    return "\"" + p.version() + "\"";
  }

  /** {@code "3"}, {@code W/"3"} or {@code 3}; null when absent. */
  private static Integer version(String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank()) {
      return null;
    }
    String v = ifMatch.strip();
    if (v.startsWith("W/")) {
      v = v.substring(2);
    }
    v = v.replace("\"", "");
    try {
      return Integer.valueOf(v);
    } catch (NumberFormatException e) {
      throw new InvalidRequestException("If-Match", "must be the patient's version, e.g. \"3\"");
    }
  }
}
