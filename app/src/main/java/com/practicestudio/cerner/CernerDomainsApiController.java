package com.practicestudio.cerner;

import com.practicestudio.web.Page;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /api/v1/cerner/domains}: read with RECORDS_READ (secrets are never shown), change with
 * SETTINGS_WRITE.
 */
@RestController
@RequestMapping("/api/v1/cerner/domains")
@PreAuthorize("hasAuthority('RECORDS_READ')")
class CernerDomainsApiController {

  private final CernerDomains domains;
  private final SmartRegistration registration;
  private final JsonMapper json;

  CernerDomainsApiController(
      CernerDomains domains, SmartRegistration registration, JsonMapper json) {
    this.domains = domains;
    this.registration = registration;
    this.json = json;
  }

  @GetMapping
  Page<CernerDomainJson> list() {
    return new Page<>(domains.list().stream().map(this::json).toList(), null);
  }

  @GetMapping("/{id}")
  CernerDomainJson get(@PathVariable long id) {
    return json(domains.get(id));
  }

  @PostMapping
  @PreAuthorize("hasAuthority('SETTINGS_WRITE')")
  ResponseEntity<CernerDomainJson> create(@RequestBody CernerDomainInput input) {
    CernerDomain created = domains.create(input);
    return ResponseEntity.created(URI.create("/api/v1/cerner/domains/" + created.id()))
        .body(json(created));
  }

  @PutMapping("/{id}")
  @PreAuthorize("hasAuthority('SETTINGS_WRITE')")
  CernerDomainJson update(@PathVariable long id, @RequestBody CernerDomainInput input) {
    return json(domains.update(id, input));
  }

  /** Runs discovery again and stores what it found. */
  @PostMapping("/{id}/discover")
  @PreAuthorize("hasAuthority('SETTINGS_WRITE')")
  CernerDomainJson discover(@PathVariable long id) {
    return json(domains.discover(id));
  }

  /** Generates a new key pair for private_key_jwt; the answer shows the public JWK Set. */
  @PostMapping("/{id}/key")
  @PreAuthorize("hasAuthority('SETTINGS_WRITE')")
  CernerDomainJson generateKey(@PathVariable long id) {
    return json(domains.generateKey(id));
  }

  private CernerDomainJson json(CernerDomain domain) {
    return CernerDomainJson.of(domain, registration, json);
  }
}
