package com.practicestudio.billing;

import com.practicestudio.web.Page;
import java.net.URI;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/remittances}: record (and post) a received 835, read, search. A remittance is not
 * changed once recorded; corrections arrive as new remittances (reversals).
 */
@RestController
@RequestMapping("/api/v1/remittances")
@PreAuthorize("hasAuthority('RECORDS_READ')")
class RemittancesApiController {

  private final RemittanceService remittances;

  RemittancesApiController(RemittanceService remittances) {
    this.remittances = remittances;
  }

  @GetMapping
  Page<Remittance> search(
      @RequestParam(required = false) String payerId,
      @RequestParam(required = false) String checkNumber,
      @RequestParam(required = false) String claimNumber,
      @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate to,
      @RequestParam(required = false) Integer limit,
      @RequestParam(required = false) String cursor) {
    return remittances.search(
        new RemittanceQuery(payerId, checkNumber, claimNumber, from, to),
        Page.limit(limit),
        cursor);
  }

  @GetMapping("/{id}")
  Remittance get(@PathVariable long id) {
    return remittances.byId(id);
  }

  @PostMapping
  @PreAuthorize("hasAuthority('RECORDS_WRITE')")
  ResponseEntity<Remittance> create(@RequestBody RemittanceDraft body) {
    Remittance created = remittances.create(body);
    return ResponseEntity.created(URI.create("/api/v1/remittances/" + created.id())).body(created);
  }
}
