package com.practicestudio.hl7.inbound;

import com.practicestudio.codemaps.CodeMapKind;
import com.practicestudio.db.TransactionMemo;
import com.practicestudio.directory.Location;
import com.practicestudio.directory.LocationInput;
import com.practicestudio.directory.LocationService;
import com.practicestudio.hl7.inbound.Fields.Pl;
import com.practicestudio.web.ConflictException;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The location a PL names. Its key is facility/point of care/room/bed as sent; the interface's
 * location code map is asked for the key, then for the point of care alone (a Cerner location code
 * value); else the location with the key as external id; else one is created with that key, the
 * PL's description (or key) as name and the sending facility's configured time zone, and its point
 * of care (else its key) is reported as a location code without a mapping.
 */
@Component
class LocationResolver {

  private final LocationService locations;

  LocationResolver(LocationService locations) {
    this.locations = locations;
  }

  /** Finds or creates; empty when the PL is empty. */
  Optional<Long> resolve(Inbound in, Pl pl) {
    String key = pl.key();
    if (key == null) {
      return Optional.empty();
    }
    Optional<Long> mapped =
        in.codes()
            .translate(CodeMapKind.LOCATION, null, key)
            .or(
                () ->
                    pl.pointOfCare() == null
                        ? Optional.empty()
                        : in.codes().translate(CodeMapKind.LOCATION, null, pl.pointOfCare()))
            .flatMap(ProviderResolver::id)
            .filter(id -> TransactionMemo.find(new Exists(id), () -> exists(id)).isPresent());
    if (mapped.isPresent()) {
      return mapped;
    }
    Optional<Long> known =
        TransactionMemo.find(
            new ByExternalId(key), () -> locations.findByExternalId(key).map(Location::id));
    if (known.isPresent()) {
      return known;
    }
    // listed under codes without a mapping, so that the site can map it to a location it keeps
    in.codes()
        .unmapped(CodeMapKind.LOCATION, null, pl.pointOfCare() != null ? pl.pointOfCare() : key);
    ZoneId zone = in.times().facilityZone();
    Location created;
    try {
      created =
          locations.create(
              new LocationInput(
                  key,
                  pl.description() != null ? pl.description() : key,
                  null,
                  zone == null ? null : zone.getId(),
                  null,
                  null,
                  null,
                  null));
    } catch (ConflictException e) {
      // another group of messages created it after this one looked: use theirs
      Optional<Long> meanwhile = locations.findByExternalId(key).map(Location::id);
      if (meanwhile.isEmpty()) {
        throw e;
      }
      TransactionMemo.remember(new ByExternalId(key), meanwhile.get());
      return meanwhile;
    }
    in.created("location", created.id(), List.of("externalId", "name", "timeZone"));
    TransactionMemo.remember(new ByExternalId(key), created.id());
    return Optional.of(created.id());
  }

  private Optional<Long> exists(long id) {
    return locations.exists(id) ? Optional.of(id) : Optional.empty();
  }

  /** Memo keys: the rows of a group of messages name the same few locations. */
  private record Exists(long id) {}

  private record ByExternalId(String key) {}
}
