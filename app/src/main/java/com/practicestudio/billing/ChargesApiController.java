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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/charges}; {@code from}/{@code to} are service dates, {@code to} exclusive. */
@RestController
@RequestMapping("/api/v1/charges")
@PreAuthorize("hasAuthority('RECORDS_READ')")
class ChargesApiController {

  private final ChargeService charges;

  ChargesApiController(ChargeService charges) {
    this.charges = charges;
  }

  @GetMapping
  Page<Charge> search(
      @RequestParam(required = false) Long patientId,
      @RequestParam(required = false) Long encounterId,
      @RequestParam(required = false) String code,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String externalId,
      @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate to,
      @RequestParam(required = false) Integer limit,
      @RequestParam(required = false) String cursor) {
    return charges.search(
        new ChargeQuery(patientId, encounterId, code, status, externalId, from, to),
        Page.limit(limit),
        cursor);
  }

  @GetMapping("/{id}")
  Charge get(@PathVariable long id) {
    return charges.byId(id);
  }

  @PostMapping
  @PreAuthorize("hasAuthority('RECORDS_WRITE')")
  ResponseEntity<Charge> create(@RequestBody ChargeDraft body) {
    Charge created = charges.create(body);
    return ResponseEntity.created(URI.create("/api/v1/charges/" + created.id())).body(created);
  }

  @PutMapping("/{id}")
  @PreAuthorize("hasAuthority('RECORDS_WRITE')")
  Charge replace(@PathVariable long id, @RequestBody ChargeDraft body) {
    return charges.update(id, body);
  }
}
