package com.practicestudio.clinical;

import com.practicestudio.web.Page;
import java.net.URI;
import java.time.Instant;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/observations}; reads audit a PHI read of each patient shown. */
@RestController
@RequestMapping("/api/v1/observations")
@PreAuthorize("hasAuthority('RECORDS_READ')")
class ObservationsApiController {

  private static final String VIA = "api:observations";

  private final ObservationService observations;
  private final ClinicalPhiAudit phi;

  ObservationsApiController(ObservationService observations, ClinicalPhiAudit phi) {
    this.observations = observations;
    this.phi = phi;
  }

  @GetMapping
  Page<Observation> search(
      @RequestParam(required = false) Long patientId,
      @RequestParam(required = false) Long encounterId,
      @RequestParam(required = false) String code,
      @RequestParam(required = false) String category,
      @RequestParam(required = false) String accession,
      @RequestParam(required = false) String externalId,
      @RequestParam(required = false) Instant from,
      @RequestParam(required = false) Instant to,
      @RequestParam(required = false) Integer limit,
      @RequestParam(required = false) String cursor) {
    Page<Observation> page =
        observations.search(
            new ObservationQuery(
                patientId, encounterId, code, category, accession, externalId, from, to),
            Page.limit(limit),
            cursor);
    phi.read(page.items(), Observation::patientId, VIA);
    return page;
  }

  @GetMapping("/{id}")
  Observation get(@PathVariable long id) {
    Observation observation = observations.byId(id);
    phi.read(observation.patientId(), VIA);
    return observation;
  }

  @PostMapping
  @PreAuthorize("hasAuthority('RECORDS_WRITE')")
  ResponseEntity<Observation> create(@RequestBody ObservationDraft body) {
    Observation created = observations.create(body);
    return ResponseEntity.created(URI.create("/api/v1/observations/" + created.id())).body(created);
  }

  @PutMapping("/{id}")
  @PreAuthorize("hasAuthority('RECORDS_WRITE')")
  Observation replace(@PathVariable long id, @RequestBody ObservationDraft body) {
    return observations.update(id, body);
  }
}
