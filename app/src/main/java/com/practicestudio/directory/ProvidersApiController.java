package com.practicestudio.directory;

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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/providers")
@PreAuthorize("hasAuthority('RECORDS_READ')")
class ProvidersApiController {

  private final ProviderService providers;

  ProvidersApiController(ProviderService providers) {
    this.providers = providers;
  }

  @GetMapping
  Page<Provider> search(
      @RequestParam(required = false) String npi,
      @RequestParam(required = false) String externalId,
      @RequestParam(required = false) String lastName,
      @RequestParam(required = false) Boolean active,
      @RequestParam(required = false) Integer limit,
      @RequestParam(required = false) String cursor) {
    return providers.search(
        new ProviderQuery(npi, externalId, lastName, active), Page.limit(limit), cursor);
  }

  @GetMapping("/{id}")
  Provider get(@PathVariable long id) {
    return providers.get(id);
  }

  @PostMapping
  @PreAuthorize("hasAuthority('RECORDS_WRITE')")
  ResponseEntity<Provider> create(@RequestBody ProviderInput body) {
    Provider created = providers.create(body);
    return ResponseEntity.created(URI.create("/api/v1/providers/" + created.id())).body(created);
  }

  @PutMapping("/{id}")
  @PreAuthorize("hasAuthority('RECORDS_WRITE')")
  Provider replace(@PathVariable long id, @RequestBody ProviderInput body) {
    return providers.replace(id, body);
  }
}
