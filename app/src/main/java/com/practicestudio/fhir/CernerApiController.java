package com.practicestudio.fhir;

import com.practicestudio.patients.UpsertResult;
import com.practicestudio.web.Page;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Live Cerner data: patient search and import/link, free slots. Cerner's errors answer 502 (or 503
 * when Cerner is unavailable, 404 for an unknown domain or patient) as problem+json with the code
 * and Cerner's request id.
 */
@RestController
@RequestMapping("/api/v1/cerner/domains/{domainId}")
class CernerApiController {

  private final CernerPatients patients;
  private final CernerSlots slots;
  private final CernerDeltaSync sync;
  private final FhirSyncProperties syncSettings;
  private final java.time.Clock clock;

  CernerApiController(
      CernerPatients patients,
      CernerSlots slots,
      CernerDeltaSync sync,
      FhirSyncProperties syncSettings,
      java.time.Clock clock) {
    this.patients = patients;
    this.slots = slots;
    this.sync = sync;
    this.syncSettings = syncSettings;
    this.clock = clock;
  }

  /**
   * Runs the delta sync of this domain now (appointments at the known locations starting in [from,
   * to), default the sync's window, and their patients' encounters).
   */
  @PostMapping("/sync")
  @PreAuthorize("hasAuthority('RECORDS_WRITE')")
  SyncReport syncNow(
      @PathVariable long domainId,
      @RequestParam(required = false) Instant from,
      @RequestParam(required = false) Instant to) {
    Instant now = clock.instant();
    return sync.sync(
        domainId,
        sync.knownLocations(),
        from != null ? from : now.minus(syncSettings.lookBack()),
        to != null ? to : now.plus(syncSettings.lookAhead()));
  }

  @GetMapping("/patients")
  @PreAuthorize("hasAuthority('PHI_READ')")
  Page<CernerPatientMatch> search(
      @PathVariable long domainId,
      @RequestParam(required = false) String family,
      @RequestParam(required = false) String given,
      @RequestParam(required = false) String birthdate,
      @RequestParam(required = false) String identifier) {
    return new Page<>(
        patients.search(domainId, new PatientSearch(family, given, birthdate, identifier)), null);
  }

  /** With {@code preview=true}: what the import would change, nothing written. */
  @PostMapping("/patients/{cernerId}/import")
  @PreAuthorize("hasAuthority('RECORDS_WRITE') and hasAuthority('PHI_READ')")
  ResponseEntity<UpsertResult> importPatient(
      @PathVariable long domainId,
      @PathVariable String cernerId,
      @RequestParam(defaultValue = "false") boolean preview) {
    if (preview) {
      return ResponseEntity.ok(patients.preview(domainId, cernerId));
    }
    UpsertResult result = patients.importPatient(domainId, cernerId);
    return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK)
        .body(result);
  }

  @GetMapping("/slots")
  @PreAuthorize("hasAuthority('RECORDS_READ')")
  Page<CernerSlot> freeSlots(
      @PathVariable long domainId,
      @RequestParam(required = false) Instant start,
      @RequestParam(required = false) Instant end,
      @RequestParam(required = false) String serviceType) {
    return new Page<>(slots.free(domainId, start, end, serviceType), null);
  }

  /** A resource Cerner sent that Practice Studio cannot read (e.g. without an id): 502. */
  @ExceptionHandler(FhirMappingException.class)
  ResponseEntity<ProblemDetail> unreadable(FhirMappingException e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY, e.getMessage());
    problem.setTitle("Cerner: " + e.error().meaning());
    problem.setProperty("code", e.error().code());
    return ResponseEntity.status(HttpStatus.BAD_GATEWAY).body(problem);
  }

  @ExceptionHandler(CernerFhirException.class)
  static ResponseEntity<ProblemDetail> cernerError(CernerFhirException e) {
    HttpStatus status =
        switch (e.error()) {
          case NO_DOMAIN, NOT_FOUND -> HttpStatus.NOT_FOUND;
          case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
          default -> HttpStatus.BAD_GATEWAY;
        };
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
    problem.setTitle("Cerner: " + e.error().meaning());
    problem.setProperty("code", e.error().code());
    if (e.requestId() != null) {
      problem.setProperty("cernerRequestId", e.requestId());
    }
    return ResponseEntity.status(status).body(problem);
  }
}
