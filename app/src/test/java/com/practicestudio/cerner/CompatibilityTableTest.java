package com.practicestudio.cerner;

import static com.practicestudio.cerner.CernerFeature.FHIR_DOCUMENT_WRITE;
import static com.practicestudio.cerner.CernerFeature.FHIR_LAST_UPDATED_SEARCH;
import static com.practicestudio.cerner.CernerFeature.FHIR_OBSERVATION_WRITE;
import static com.practicestudio.cerner.CernerFeature.FHIR_READ;
import static com.practicestudio.cerner.CernerFeature.FHIR_SLOT_BOOKING;
import static com.practicestudio.cerner.CernerFeature.MILLENNIUM_PERSON_SEARCH;
import static com.practicestudio.cerner.CernerFeature.MILLENNIUM_SLOT_BOOKING;
import static com.practicestudio.cerner.CernerFeature.SMART_LAUNCH;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Millennium compatibility table, and how a domain's settings switch features off. */
class CompatibilityTableTest {

  @ParameterizedTest(name = "{0}: {1} = {2}")
  @CsvSource({
    "2015, FHIR_READ, true",
    "2015, SMART_LAUNCH, true",
    "2015, FHIR_OBSERVATION_WRITE, false",
    "2015, FHIR_DOCUMENT_WRITE, false",
    "2015, FHIR_SLOT_BOOKING, false",
    "2015, FHIR_LAST_UPDATED_SEARCH, false",
    "2015, MILLENNIUM_PERSON_SEARCH, true",
    "2015, MILLENNIUM_SLOT_BOOKING, false",
    "2018, FHIR_OBSERVATION_WRITE, true",
    "2018, FHIR_DOCUMENT_WRITE, true",
    "2018, FHIR_SLOT_BOOKING, true",
    "2018, FHIR_LAST_UPDATED_SEARCH, false",
    "2018, MILLENNIUM_SLOT_BOOKING, true",
    "2020+, FHIR_LAST_UPDATED_SEARCH, true",
    "2020+, MILLENNIUM_SLOT_BOOKING, true",
    "CommunityWorks, FHIR_LAST_UPDATED_SEARCH, true",
    "CommunityWorks, FHIR_SLOT_BOOKING, true",
    "CommunityWorks, MILLENNIUM_PERSON_SEARCH, false",
    "CommunityWorks, MILLENNIUM_SLOT_BOOKING, false"
  })
  void each_version_has_its_features(String version, CernerFeature feature, boolean supported) {
    assertThat(MillenniumVersion.fromWire(version).orElseThrow().supports(feature))
        .isEqualTo(supported);
  }

  @Test
  void versions_read_case_insensitively_and_unknown_ones_are_empty() {
    assertThat(MillenniumVersion.fromWire("communityworks"))
        .contains(MillenniumVersion.COMMUNITY_WORKS);
    assertThat(MillenniumVersion.fromWire(" 2020+ ")).contains(MillenniumVersion.V2020_PLUS);
    assertThat(MillenniumVersion.fromWire("2019")).isEmpty();
  }

  @Test
  void a_domain_offers_what_its_version_allows_and_its_services_enable() {
    CernerDomain domain =
        domain(
            MillenniumVersion.V2020_PLUS,
            true,
            Set.of(MillenniumService.PERSON_SEARCH),
            "https://ws.example.org");

    assertThat(domain.features())
        .isEqualTo(
            EnumSet.of(
                FHIR_READ,
                SMART_LAUNCH,
                FHIR_OBSERVATION_WRITE,
                FHIR_DOCUMENT_WRITE,
                FHIR_SLOT_BOOKING,
                FHIR_LAST_UPDATED_SEARCH,
                MILLENNIUM_PERSON_SEARCH));
    assertThat(domain.supports(MILLENNIUM_SLOT_BOOKING)).isFalse();
  }

  @Test
  void a_service_the_version_lacks_stays_off_even_when_enabled() {
    CernerDomain domain =
        domain(
            MillenniumVersion.V2015,
            true,
            Set.of(MillenniumService.PERSON_SEARCH, MillenniumService.SLOT_BOOKING),
            "https://ws.example.org");

    assertThat(domain.supports(MILLENNIUM_PERSON_SEARCH)).isTrue();
    assertThat(domain.supports(MILLENNIUM_SLOT_BOOKING)).isFalse();
    assertThat(domain.supports(FHIR_SLOT_BOOKING)).isFalse();
  }

  @Test
  void a_disabled_domain_offers_nothing() {
    assertThat(domain(MillenniumVersion.V2020_PLUS, false, Set.of(), null).features()).isEmpty();
  }

  @Test
  void wire_names_are_what_the_api_shows() {
    assertThat(FHIR_LAST_UPDATED_SEARCH.wire()).isEqualTo("fhir-last-updated-search");
    assertThat(MillenniumService.SLOT_BOOKING.wire()).isEqualTo("slot-booking");
    assertThat(MillenniumVersion.wires())
        .containsExactly("2015", "2018", "2020+", "CommunityWorks");
  }

  static CernerDomain domain(
      MillenniumVersion version, boolean enabled, Set<MillenniumService> services, String base) {
    Instant now = Instant.parse("2026-11-19T14:30:00Z");
    return new CernerDomain(
        1,
        "prod",
        "https://fhir.example.org/r4/t",
        enabled,
        "svc",
        ClientAuthMethod.CLIENT_SECRET_BASIC,
        true,
        null,
        null,
        List.of("system/Patient.read"),
        null,
        false,
        List.of(),
        base,
        services,
        version,
        ZoneId.of("America/Chicago"),
        null,
        Discovery.none(),
        now,
        now,
        1);
  }
}
