package com.practicestudio.directory;

import com.practicestudio.contact.Address;
import com.practicestudio.contact.Phone;
import com.practicestudio.contact.PhoneNumbers;
import com.practicestudio.security.audit.AuditAction;
import com.practicestudio.security.audit.AuditLog;
import com.practicestudio.web.ConflictException;
import com.practicestudio.web.Cursor;
import com.practicestudio.web.FieldProblem;
import com.practicestudio.web.InvalidRequestException;
import com.practicestudio.web.NotFoundException;
import com.practicestudio.web.Page;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Locations: the API other features use to find, create and update places. */
@Service
public class LocationService {

  private final LocationRepository locations;
  private final PhoneNumbers phones;
  private final AuditLog audit;
  private final Clock clock;
  private final String defaultTimeZone;

  LocationService(
      LocationRepository locations,
      PhoneNumbers phones,
      AuditLog audit,
      Clock clock,
      DirectoryProperties settings) {
    this.locations = locations;
    this.phones = phones;
    this.audit = audit;
    this.clock = clock;
    if (!isTimeZone(settings.defaultTimeZone())) {
      throw new IllegalArgumentException(
          "practice-studio.directory.default-time-zone is not an IANA time zone id");
    }
    this.defaultTimeZone = settings.defaultTimeZone();
  }

  public Optional<Location> find(long id) {
    return locations.findById(id);
  }

  public Location get(long id) {
    return locations.findById(id).orElseThrow(() -> new NotFoundException("location", id));
  }

  public Optional<Location> findByExternalId(String externalId) {
    String id = ProviderService.clean(externalId);
    return id == null ? Optional.empty() : locations.findByExternalId(id);
  }

  public boolean exists(long id) {
    return locations.exists(id);
  }

  public Page<Location> search(LocationQuery query, int limit, String cursor) {
    LocationQuery q =
        new LocationQuery(
            ProviderService.clean(query.name()),
            ProviderService.clean(query.externalId()),
            ProviderService.clean(query.kind()),
            query.active());
    return Cursor.page(
        locations.search(q, Cursor.decodeId(cursor), limit + 1), limit, l -> Long.toString(l.id()));
  }

  @Transactional
  public Location create(LocationInput input) {
    long id = locations.insert(validate(input, null), clock.instant());
    audit.record(AuditAction.RECORD_CREATE, "location", id);
    return get(id);
  }

  /** Replaces every field (null clears it; a null time zone becomes the default one). */
  @Transactional
  public Location replace(long id, LocationInput input) {
    get(id);
    locations.update(id, validate(input, id), clock.instant());
    audit.record(AuditAction.RECORD_UPDATE, "location", id);
    return get(id);
  }

  /**
   * Creates or updates the location with the input's {@code externalId}; null fields leave the
   * stored ones unchanged. For channel handlers and imports.
   */
  @Transactional
  public Location upsert(LocationInput input) {
    Optional<Location> existing = findByExternalId(input.externalId());
    if (existing.isEmpty()) {
      return create(input);
    }
    Location l = existing.get();
    LocationInput merged =
        new LocationInput(
            l.externalId(),
            input.name() != null ? input.name() : l.name(),
            input.kind() != null ? input.kind() : l.kind(),
            input.timeZone() != null ? input.timeZone() : l.timeZone(),
            input.address() != null ? input.address() : l.address(),
            input.phone() != null ? input.phone() : l.phone(),
            input.phone() != null ? input.phoneExtension() : l.phoneExtension(),
            input.active() != null ? input.active() : l.active());
    locations.update(l.id(), validate(merged, l.id()), clock.instant());
    audit.record(AuditAction.RECORD_UPDATE, "location", l.id(), Map.of("via", "upsert"));
    return get(l.id());
  }

  private LocationRepository.Row validate(LocationInput in, Long selfId) {
    List<FieldProblem> problems = new ArrayList<>();
    String name = ProviderService.clean(in.name());
    String zone = ProviderService.clean(in.timeZone());
    Address address = in.address() == null ? null : in.address().trimmed();
    if (name == null) {
      problems.add(new FieldProblem("name", "is required"));
    }
    if (zone != null && !isTimeZone(zone)) {
      problems.add(
          new FieldProblem("timeZone", "must be an IANA time zone id such as America/Chicago"));
    }
    if (address != null) {
      address.check("address", problems);
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    String externalId = ProviderService.clean(in.externalId());
    if (externalId != null) {
      locations
          .findByExternalId(externalId)
          .filter(other -> selfId == null || other.id() != selfId)
          .ifPresent(
              other -> {
                throw new ConflictException("externalId is already held by location " + other.id());
              });
    }
    Phone phone = phones.normalise(in.phone());
    if (phone != null) {
      phone = phone.withExtensionIfAbsent(in.phoneExtension());
    }
    return new LocationRepository.Row(
        externalId,
        name,
        ProviderService.clean(in.kind()),
        zone == null ? defaultTimeZone : zone,
        address,
        phone,
        in.active() == null || in.active());
  }

  /** Region-based IANA ids only ({@code America/Chicago}, {@code UTC}); not offsets like +02:00. */
  static boolean isTimeZone(String id) {
    return id != null && ZoneId.getAvailableZoneIds().contains(id);
  }
}
