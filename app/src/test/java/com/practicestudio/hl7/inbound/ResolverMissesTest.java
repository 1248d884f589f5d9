package com.practicestudio.hl7.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.practicestudio.codemaps.CodeMapKind;
import com.practicestudio.directory.Location;
import com.practicestudio.directory.LocationService;
import com.practicestudio.directory.Provider;
import com.practicestudio.directory.ProviderService;
import com.practicestudio.hl7.inbound.Fields.Pl;
import com.practicestudio.hl7.inbound.Fields.Xcn;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A location or provider that neither the code maps nor the directory know is reported as a code
 * without a mapping; one the directory knows is not.
 */
class ResolverMissesTest {

  private final List<String> unmapped = new ArrayList<>();
  private final Inbound in =
      TestInbound.of(
          "MSH|^~\\&|ADT|HOSP|PS|PS|20261126||ADT^A04|1|P|2.5",
          "ADT^A04",
          new CodeTranslator() {
            @Override
            public Optional<String> translate(CodeMapKind kind, String system, String code) {
              return Optional.empty();
            }

            @Override
            public void unmapped(CodeMapKind kind, String system, String code) {
              unmapped.add(kind.wire() + " " + system + " " + code);
            }
          });

  @Test
  void an_unknown_location_is_reported_by_its_point_of_care_and_created() {
    LocationService locations = mock(LocationService.class);
    Location created = mock(Location.class);
    when(created.id()).thenReturn(7L);
    when(locations.findByExternalId(any())).thenReturn(Optional.empty());
    when(locations.create(any())).thenReturn(created);

    Optional<Long> id =
        new LocationResolver(locations).resolve(in, new Pl("CD:2553", "101", null, "HOSP", null));

    assertThat(id).contains(7L);
    assertThat(unmapped).containsExactly("location null CD:2553");
  }

  @Test
  void a_location_known_by_its_key_is_not_reported() {
    LocationService locations = mock(LocationService.class);
    Location known = mock(Location.class);
    when(known.id()).thenReturn(8L);
    when(locations.findByExternalId("HOSP/4EAST")).thenReturn(Optional.of(known));

    new LocationResolver(locations).resolve(in, new Pl("4EAST", null, null, "HOSP", null));

    assertThat(unmapped).isEmpty();
  }

  @Test
  void an_unknown_provider_is_reported_whether_or_not_one_is_created_from_it() {
    ProviderService providers = mock(ProviderService.class);
    Provider created = mock(Provider.class);
    when(created.id()).thenReturn(9L);
    when(providers.findByExternalId(any())).thenReturn(Optional.empty());
    when(providers.create(any())).thenReturn(created);
    ProviderResolver resolver = new ProviderResolver(providers);

    Optional<Long> named = resolver.resolve(in, new Xcn("D123", "JONES", "ANN", null, null, null));
    Optional<Long> nameless = resolver.resolve(in, new Xcn("D456", null, null, null, null, null));
    Optional<Long> noId = resolver.resolve(in, new Xcn(null, "SMITH", null, null, null, null));

    assertThat(named).contains(9L);
    assertThat(nameless).isEmpty();
    assertThat(noId).isEmpty();
    assertThat(unmapped).containsExactly("provider null D123", "provider null D456");
  }

  @Test
  void a_provider_known_by_external_id_or_only_looked_up_is_not_reported() {
    ProviderService providers = mock(ProviderService.class);
    Provider known = mock(Provider.class);
    when(known.id()).thenReturn(10L);
    when(providers.findByExternalId("D123")).thenReturn(Optional.of(known));
    when(providers.findByExternalId("DEV1")).thenReturn(Optional.empty());
    ProviderResolver resolver = new ProviderResolver(providers);

    resolver.resolve(in, new Xcn("D123", "JONES", null, null, null, null));
    // an AIG resource may be a room or a device: only looked up, never reported
    resolver.find(in, new Xcn("DEV1", null, null, null, null, null));

    assertThat(unmapped).isEmpty();
  }
}
