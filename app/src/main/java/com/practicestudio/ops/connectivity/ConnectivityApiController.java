package com.practicestudio.ops.connectivity;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/cerner/domains/{id}/connectivity-test} → {@code {"ok", "steps": [{"name",
 * "ok", "millis", "detail", "hint", "skipped"}]}}. Needs SETTINGS_WRITE: it asks Cerner for a token
 * with the domain's credentials.
 */
@RestController
class ConnectivityApiController {

  private final ConnectivityTest test;

  ConnectivityApiController(ConnectivityTest test) {
    this.test = test;
  }

  @PostMapping("/api/v1/cerner/domains/{id}/connectivity-test")
  @PreAuthorize("hasAuthority('SETTINGS_WRITE')")
  ConnectivityReport run(@PathVariable long id) {
    return test.run(id);
  }
}
