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
@RequestMapping("/api/v1/locations")
@PreAuthorize("hasAuthority('RECORDS_READ')")
class LocationsApiController {

  private final LocationService locations;

  LocationsApiController(LocationService locations) {
    this.locations = locations;
  }

  @GetMapping
  Page<Location> search(
      @RequestParam(required = false) String name,
      @RequestParam(required = false) String externalId,
      @RequestParam(required = false) String kind,
      @RequestParam(required = false) Boolean active,
      @RequestParam(required = false) Integer limit,
      @RequestParam(required = false) String cursor) {
    return locations.search(
        new LocationQuery(name, externalId, kind, active), Page.limit(limit), cursor);
  }

  @GetMapping("/{id}")
  Location get(@PathVariable long id) {
    return locations.get(id);
  }

  @PostMapping
  @PreAuthorize("hasAuthority('RECORDS_WRITE')")
  ResponseEntity<Location> create(@RequestBody LocationInput body) {
    Location created = locations.create(body);
    return ResponseEntity.created(URI.create("/api/v1/locations/" + created.id())).body(created);
  }

  @PutMapping("/{id}")
  @PreAuthorize("hasAuthority('RECORDS_WRITE')")
  Location replace(@PathVariable long id, @RequestBody LocationInput body) {
    return locations.replace(id, body);
  }
}
