package com.practicestudio.hl7.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.practicestudio.directory.Location;
import com.practicestudio.directory.LocationService;
import com.practicestudio.directory.Provider;
import com.practicestudio.directory.ProviderService;
import com.practicestudio.hl7.inbound.Fields.Pl;
import com.practicestudio.hl7.inbound.Fields.Xcn;
import com.practicestudio.web.ConflictException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Groups of messages apply in parallel: between a resolver's lookup of a new location or attending
 * and its create, another group may commit the same one. The create then refuses the taken external
 * id, and the resolver uses the other group's record instead of failing the message (HL7-111).
 */
class ResolverRaceTest {

  private final Inbound in =
      TestInbound.of("MSH|^~\\&|ADT|HOSP|PS|PS|20261126||ADT^A04|1|P|2.5", "ADT^A04");

  @Test
  void a_location_created_meanwhile_is_used() {
    LocationService locations = mock(LocationService.class);
    Location theirs = mock(Location.class);
    when(theirs.id()).thenReturn(7L);
    when(locations.findByExternalId("HOSP/4EAST"))
        .thenReturn(Optional.empty(), Optional.of(theirs));
    when(locations.create(any()))
        .thenThrow(new ConflictException("externalId is already held by location 7"));

    Optional<Long> id =
        new LocationResolver(locations).resolve(in, new Pl("4EAST", null, null, "HOSP", null));

    assertThat(id).contains(7L);
  }

  @Test
  void a_conflict_with_no_record_behind_it_is_still_refused() {
    LocationService locations = mock(LocationService.class);
    when(locations.findByExternalId(any())).thenReturn(Optional.empty());
    when(locations.create(any())).thenThrow(new ConflictException("changed meanwhile"));

    assertThatThrownBy(
            () ->
                new LocationResolver(locations)
                    .resolve(in, new Pl("4EAST", null, null, "HOSP", null)))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void an_attending_created_meanwhile_is_used() {
    ProviderService providers = mock(ProviderService.class);
    Provider theirs = mock(Provider.class);
    when(theirs.id()).thenReturn(9L);
    when(providers.findByExternalId("D123")).thenReturn(Optional.empty(), Optional.of(theirs));
    when(providers.create(any()))
        .thenThrow(new ConflictException("externalId is already held by provider 9"));

    Optional<Long> id =
        new ProviderResolver(providers)
            .resolve(in, new Xcn("D123", "JONES", "ANN", null, null, null));

    assertThat(id).contains(9L);
  }
}
