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

/** {@code /api/v1/payments}; {@code from}/{@code to} are received dates, {@code to} exclusive. */
@RestController
@RequestMapping("/api/v1/payments")
@PreAuthorize("hasAuthority('RECORDS_READ')")
class PaymentsApiController {

  private final PaymentService payments;

  PaymentsApiController(PaymentService payments) {
    this.payments = payments;
  }

  @GetMapping
  Page<Payment> search(
      @RequestParam(required = false) Long patientId,
      @RequestParam(required = false) Long claimId,
      @RequestParam(required = false) Long remittanceId,
      @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate to,
      @RequestParam(required = false) Integer limit,
      @RequestParam(required = false) String cursor) {
    return payments.search(
        new PaymentQuery(patientId, claimId, remittanceId, from, to), Page.limit(limit), cursor);
  }

  @GetMapping("/{id}")
  Payment get(@PathVariable long id) {
    return payments.byId(id);
  }

  @PostMapping
  @PreAuthorize("hasAuthority('RECORDS_WRITE')")
  ResponseEntity<Payment> create(@RequestBody PaymentDraft body) {
    Payment created = payments.create(body);
    return ResponseEntity.created(URI.create("/api/v1/payments/" + created.id())).body(created);
  }

  @PutMapping("/{id}")
  @PreAuthorize("hasAuthority('RECORDS_WRITE')")
  Payment replace(@PathVariable long id, @RequestBody PaymentDraft body) {
    return payments.update(id, body);
  }
}
