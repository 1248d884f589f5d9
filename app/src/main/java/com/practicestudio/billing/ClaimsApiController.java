package com.practicestudio.billing;

import com.practicestudio.web.Page;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/claims}: create from charges, change status (PATCH), search. */
@RestController
@RequestMapping("/api/v1/claims")
@PreAuthorize("hasAuthority('RECORDS_READ')")
class ClaimsApiController {

  private final ClaimService claims;

  ClaimsApiController(ClaimService claims) {
    this.claims = claims;
  }

  @GetMapping
  Page<Claim> search(
      @RequestParam(required = false) Long patientId,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String claimNumber,
      @RequestParam(required = false) Long coverageId,
      @RequestParam(required = false) String payerClaimId,
      @RequestParam(required = false) Integer limit,
      @RequestParam(required = false) String cursor) {
    return claims.search(
        new ClaimQuery(patientId, status, claimNumber, coverageId, payerClaimId),
        Page.limit(limit),
        cursor);
  }

  @GetMapping("/{id}")
  Claim get(@PathVariable long id) {
    return claims.byId(id);
  }

  @PostMapping
  @PreAuthorize("hasAuthority('RECORDS_WRITE')")
  ResponseEntity<Claim> create(@RequestBody ClaimDraft body) {
    Claim created = claims.create(body);
    return ResponseEntity.created(URI.create("/api/v1/claims/" + created.id())).body(created);
  }

  @PatchMapping("/{id}")
  @PreAuthorize("hasAuthority('RECORDS_WRITE')")
  Claim change(@PathVariable long id, @RequestBody ClaimChange body) {
    return claims.change(id, body);
  }
}
