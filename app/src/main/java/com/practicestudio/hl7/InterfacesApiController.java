package com.practicestudio.hl7;

import com.practicestudio.web.InvalidRequestException;
import com.practicestudio.web.Page;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/hl7/interfaces}: MLLP listeners and senders. Everyone with records access reads;
 * {@code SETTINGS_WRITE} creates, changes and deletes (audited; effective without a restart).
 */
@RestController
@RequestMapping("/api/v1/hl7/interfaces")
@PreAuthorize("hasAuthority('RECORDS_READ')")
class InterfacesApiController {

  private final Hl7Interfaces interfaces;

  InterfacesApiController(Hl7Interfaces interfaces) {
    this.interfaces = interfaces;
  }

  /** All interfaces (few): one page, {@code next} is always null. */
  @GetMapping
  Page<Hl7Interface> list(@RequestParam(required = false) String kind) {
    InterfaceKind k = null;
    if (kind != null && !kind.isBlank()) {
      k =
          InterfaceKind.fromWire(kind)
              .orElseThrow(() -> new InvalidRequestException("kind", "must be listener or sender"));
    }
    return new Page<>(interfaces.list(k), null);
  }

  @GetMapping("/{id}")
  Hl7Interface get(@PathVariable long id) {
    return interfaces.get(id);
  }

  @PostMapping
  @PreAuthorize("hasAuthority('SETTINGS_WRITE')")
  ResponseEntity<Hl7Interface> create(@RequestBody InterfaceInput body) {
    Hl7Interface created = interfaces.create(body);
    return ResponseEntity.created(URI.create("/api/v1/hl7/interfaces/" + created.id()))
        .eTag("\"" + created.version() + "\"")
        .body(created);
  }

  @PutMapping("/{id}")
  @PreAuthorize("hasAuthority('SETTINGS_WRITE')")
  ResponseEntity<Hl7Interface> update(
      @PathVariable long id,
      @RequestBody InterfaceInput body,
      @RequestHeader(name = "If-Match", required = false) String ifMatch) {
    Hl7Interface updated = interfaces.update(id, body, Versions.parse(ifMatch));
    return ResponseEntity.ok().eTag("\"" + updated.version() + "\"").body(updated);
  }

  @DeleteMapping("/{id}")
  @PreAuthorize("hasAuthority('SETTINGS_WRITE')")
  ResponseEntity<Void> delete(@PathVariable long id) {
    interfaces.delete(id);
    return ResponseEntity.noContent().build();
  }
}
