package com.practicestudio.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import com.practicestudio.directory.LocationInput;
import com.practicestudio.directory.ProviderInput;
import com.practicestudio.sandbox.data.LocationRecord;
import com.practicestudio.sandbox.data.ProviderRecord;
import java.time.ZoneId;
import java.util.function.Function;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Practitioner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Cerner Practitioner → provider and Location → location, field by field. */
class DirectoryMapperTest {

  static final DirectoryMapper MAPPER = new DirectoryMapper(PatientMapperTest.PHONES);
  static final ZoneId DOMAIN_ZONE = ZoneId.of("America/Chicago");
  static final com.practicestudio.sandbox.fhir.DirectoryMapper SANDBOX =
      new com.practicestudio.sandbox.fhir.DirectoryMapper();

  record ProviderField(
      String name,
      Function<ProviderRecord, Object> expected,
      Function<ProviderInput, Object> actual) {
    @Override
    public String toString() {
      return name;
    }
  }

  record LocationField(
      String name,
      Function<LocationRecord, Object> expected,
      Function<LocationInput, Object> actual) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<ProviderField> providerFields() {
    return Stream.of(
        new ProviderField(
            "externalId", r -> Long.toString(r.personnelId()), ProviderInput::externalId),
        new ProviderField("npi (us-npi identifier)", ProviderRecord::npi, ProviderInput::npi),
        new ProviderField("firstName", r -> r.name().given(), ProviderInput::firstName),
        new ProviderField("lastName", r -> r.name().family(), ProviderInput::lastName),
        new ProviderField(
            "credentials (name suffix)", ProviderRecord::credential, ProviderInput::credentials),
        new ProviderField("phone (E.164)", r -> r.phone().number(), ProviderInput::phone),
        new ProviderField("email", ProviderRecord::email, ProviderInput::email),
        new ProviderField("active", r -> true, ProviderInput::active));
  }

  static Stream<LocationField> locationFields() {
    return Stream.of(
        new LocationField(
            "externalId", r -> Long.toString(r.locationId()), LocationInput::externalId),
        new LocationField("name", LocationRecord::name, LocationInput::name),
        new LocationField(
            "kind (physical type)",
            r -> r.kind() == LocationRecord.Kind.FACILITY ? "facility" : "ambulatory",
            LocationInput::kind),
        new LocationField(
            "timeZone (the domain's)", r -> DOMAIN_ZONE.getId(), LocationInput::timeZone),
        new LocationField("address.line1", r -> r.address().line1(), in -> in.address().line1()),
        new LocationField("address.city", r -> r.address().city(), in -> in.address().city()),
        new LocationField(
            "address.postalCode", r -> r.address().postalCode(), in -> in.address().postalCode()),
        new LocationField("phone (E.164)", r -> r.phone().number(), LocationInput::phone),
        new LocationField("active", r -> true, LocationInput::active));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("providerFields")
  void maps_every_seeded_practitioner(ProviderField field) {
    for (ProviderRecord record : SandboxResources.data().providers()) {
      Practitioner served = SandboxResources.wire(SANDBOX.toFhir(record));
      assertThat(field.actual().apply(MAPPER.toInput(served)))
          .as("%s of Practitioner/%s", field.name(), record.personnelId())
          .isEqualTo(field.expected().apply(record));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("locationFields")
  void maps_every_seeded_location(LocationField field) {
    for (LocationRecord record : SandboxResources.data().locations()) {
      Location served = SandboxResources.wire(SANDBOX.toFhir(record));
      assertThat(field.actual().apply(MAPPER.toInput(served, DOMAIN_ZONE)))
          .as("%s of Location/%s", field.name(), record.locationId())
          .isEqualTo(field.expected().apply(record));
    }
  }

  @Test
  void reads_the_us_core_practitioner_npi() {
    ProviderInput in =
        MAPPER.toInput(SandboxResources.corpus("uscore_practitioner-1.json", Practitioner.class));
    assertThat(in.npi()).isEqualTo("9941339100");
    assertThat(in.externalId()).isEqualTo("practitioner-1");
    assertThat(in.lastName()).isEqualTo("Bone");
    assertThat(in.active()).as("not stated").isNull();
  }

  @Test
  void reads_the_us_core_hospital() {
    LocationInput in =
        MAPPER.toInput(
            SandboxResources.corpus("uscore_location-hospital.json", Location.class),
            ZoneId.of("America/New_York"));
    assertThat(in.name()).isEqualTo("Holy Family Hospital");
    assertThat(in.phone()).isEqualTo("+19786870156");
    assertThat(in.address().postalCode()).isEqualTo("01844");
    assertThat(in.timeZone()).isEqualTo("America/New_York");
    assertThat(in.kind()).isNull();
    assertThat(in.active()).isTrue();
  }
}
