package com.practicestudio.fhir;

import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Pulls a linked patient's results and documents from Cerner (applied through the journal). */
@RestController
@RequestMapping("/api/v1/cerner/patients/{patientId}")
class CernerPullApiController {

  private final CernerPull pull;

  CernerPullApiController(CernerPull pull) {
    this.pull = pull;
  }

  @PostMapping("/pull")
  @PreAuthorize("hasAuthority('RECORDS_WRITE')")
  SyncReport pull(@PathVariable long patientId) {
    return pull.pull(patientId);
  }

  @ExceptionHandler(CernerFhirException.class)
  ResponseEntity<ProblemDetail> cernerError(CernerFhirException e) {
    return CernerApiController.cernerError(e);
  }
}
