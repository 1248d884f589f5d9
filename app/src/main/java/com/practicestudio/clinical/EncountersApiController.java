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

/** {@code /api/v1/encounters}; reads audit a PHI read of each patient shown. */
@RestController
@RequestMapping("/api/v1/encounters")
@PreAuthorize("hasAuthority('RECORDS_READ')")
class EncountersApiController {

  private static final String VIA = "api:encounters";

  private final EncounterService encounters;
  private final ClinicalPhiAudit phi;

  EncountersApiController(EncounterService encounters, ClinicalPhiAudit phi) {
    this.encounters = encounters;
    this.phi = phi;
  }

  @GetMapping
  Page<Encounter> search(
      @RequestParam(required = false) Long patientId,
      @RequestParam(required = false) String fin,
      @RequestParam(required = false) String externalId,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String encounterClass,
      @RequestParam(required = false) Instant from,
      @RequestParam(required = false) Instant to,
      @RequestParam(required = false) Integer limit,
      @RequestParam(required = false) String cursor) {
    Page<Encounter> page =
        encounters.search(
            new EncounterQuery(patientId, fin, externalId, status, encounterClass, from, to),
            Page.limit(limit),
            cursor);
    phi.read(page.items(), Encounter::patientId, VIA);
    return page;
  }

  @GetMapping("/{id}")
  Encounter get(@PathVariable long id) {
    Encounter encounter = encounters.byId(id);
    phi.read(encounter.patientId(), VIA);
    return encounter;
  }

  @PostMapping
  @PreAuthorize("hasAuthority('RECORDS_WRITE')")
  ResponseEntity<Encounter> create(@RequestBody EncounterDraft body) {
    Encounter created = encounters.create(body);
    return ResponseEntity.created(URI.create("/api/v1/encounters/" + created.id())).body(created);
  }

  @PutMapping("/{id}")
  @PreAuthorize("hasAuthority('RECORDS_WRITE')")
  Encounter replace(@PathVariable long id, @RequestBody EncounterDraft body) {
    return encounters.update(id, body);
  }
}
