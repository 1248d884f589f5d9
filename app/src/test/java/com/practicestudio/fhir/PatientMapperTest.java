package com.practicestudio.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.practicestudio.codemaps.CodeMapKind;
import com.practicestudio.contact.PhoneNumbers;
import com.practicestudio.contact.PhoneProperties;
import com.practicestudio.patients.PatientIdentifier;
import com.practicestudio.patients.PatientInput;
import com.practicestudio.sandbox.data.Alias;
import com.practicestudio.sandbox.data.PatientRecord;
import com.practicestudio.sandbox.data.Phone;
import com.practicestudio.sandbox.data.SandboxIdentifiers;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Cerner Patient → patient input, field by field, over every patient the sandbox seeds. */
class PatientMapperTest {

  static final PhoneNumbers PHONES = new PhoneNumbers(new PhoneProperties("US"));
  static final PatientMapper MAPPER = new PatientMapper(SeedCodeMaps.load(), PHONES);

  /** One mapped field: what the seeded record says, and where the mapped input holds it. */
  record Field(
      String name,
      Function<PatientRecord, Object> expected,
      Function<PatientInput, Object> actual) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Field> fields() {
    return Stream.of(
        new Field("externalId", r -> Long.toString(r.personId()), PatientInput::externalId),
        new Field("mrn", PatientRecord::mrn, PatientInput::mrn),
        new Field(
            "identifiers (MR, alias pool as system and authority)",
            r ->
                List.of(
                    "MR|"
                        + r.mrn()
                        + "|"
                        + SandboxIdentifiers.MRN_SYSTEM
                        + "|"
                        + SandboxIdentifiers.MRN_SYSTEM),
            in ->
                in.identifiers().stream()
                    .map(
                        i ->
                            i.type()
                                + "|"
                                + i.value()
                                + "|"
                                + i.system()
                                + "|"
                                + i.assigningAuthority())
                    .toList()),
        new Field("ssn (from the SS identifier)", r -> r.alias(Alias.Type.SSN), PatientInput::ssn),
        new Field("firstName", r -> r.name().given(), PatientInput::firstName),
        new Field("middleName", r -> r.name().middle(), PatientInput::middleName),
        new Field("lastName", r -> r.name().family(), PatientInput::lastName),
        new Field("nameSuffix", r -> r.name().suffix(), PatientInput::nameSuffix),
        new Field("dateOfBirth", r -> r.birthDate().toString(), PatientInput::dateOfBirth),
        new Field(
            "gender (administrative-gender through code maps)",
            r ->
                switch (r.sex()) {
                  case MALE -> "M";
                  case FEMALE -> "F";
                  case UNKNOWN -> "U";
                },
            PatientInput::gender),
        new Field("address.line1", r -> home(r).line1(), in -> in.address().line1()),
        new Field("address.line2", r -> home(r).line2(), in -> in.address().line2()),
        new Field("address.city", r -> home(r).city(), in -> in.address().city()),
        new Field("address.state", r -> home(r).state(), in -> in.address().state()),
        new Field("address.postalCode", r -> home(r).postalCode(), in -> in.address().postalCode()),
        new Field("address.country", r -> home(r).country(), in -> in.address().country()),
        new Field("phoneHome (E.164)", r -> phone(r, Phone.Use.HOME), PatientInput::phoneHome),
        new Field(
            "phoneMobile (E.164)", r -> phone(r, Phone.Use.MOBILE), PatientInput::phoneMobile),
        new Field("phoneWork (E.164)", r -> phone(r, Phone.Use.WORK), PatientInput::phoneWork),
        new Field(
            "email", r -> r.emails().isEmpty() ? null : r.emails().get(0), PatientInput::email),
        new Field(
            "preferredLanguage (BCP 47 through code maps)",
            r -> r.language().standard().code(),
            PatientInput::preferredLanguage),
        new Field(
            "race (US Core extension, CDC code)",
            r -> r.race().standard().code(),
            PatientInput::race),
        new Field(
            "ethnicity (US Core extension, CDC code)",
            r -> r.ethnicity().standard().code(),
            PatientInput::ethnicity),
        new Field(
            "maritalStatus (v3 MaritalStatus)",
            r -> r.maritalStatus().standard().code(),
            PatientInput::maritalStatus),
        new Field("active", PatientRecord::active, PatientInput::active));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fields")
  void maps_every_seeded_patient(Field field) {
    List<PatientRecord> records = SandboxResources.data().patients();
    assertThat(records).hasSizeGreaterThan(100);
    for (PatientRecord record : records) {
      PatientInput input = MAPPER.toInput(served(record));
      assertThat(field.actual().apply(input))
          .as("%s of Patient/%s", field.name(), record.personId())
          .isEqualTo(field.expected().apply(record));
    }
  }

  @Test
  void a_merged_patient_is_inactive_and_names_its_survivor() {
    List<PatientRecord> merged =
        SandboxResources.data().patients().stream().filter(r -> r.mergedInto() != null).toList();
    assertThat(merged).isNotEmpty();
    for (PatientRecord record : merged) {
      Patient patient = served(record);
      assertThat(PatientMapper.replacedBy(patient)).contains(Long.toString(record.mergedInto()));
      assertThat(MAPPER.toInput(patient).active()).isFalse();
    }
    PatientRecord survivor =
        SandboxResources.data().patient(merged.get(0).mergedInto()).orElseThrow();
    assertThat(PatientMapper.replacedBy(served(survivor))).isEmpty();
  }

  @Test
  void reads_the_us_core_example_current_name_and_address_not_the_old_ones() {
    Patient patient = SandboxResources.corpus("uscore_patient-example.json", Patient.class);
    PatientInput in = MAPPER.toInput(patient);

    assertThat(in.externalId()).isEqualTo("example");
    assertThat(in.mrn()).isEqualTo("1032702");
    assertThat(in.identifiers())
        .containsExactly(
            new PatientIdentifier(
                "MR",
                "1032702",
                "http://hospital.smarthealthit.org",
                "http://hospital.smarthealthit.org"));
    assertThat(List.of(in.firstName(), in.middleName(), in.lastName(), in.nameSuffix()))
        .containsExactly("Amy", "V.", "Baxter", "PharmD");
    assertThat(in.dateOfBirth()).isEqualTo("1987-02-20");
    assertThat(in.gender()).isEqualTo("F");
    assertThat(in.address().line1()).isEqualTo("183 MOUNTAIN VIEW ST");
    assertThat(in.address().postalCode()).isEqualTo("74048");
    assertThat(in.phoneHome()).isEqualTo("+15555555555");
    assertThat(in.email()).isEqualTo("amy.shaw@example.com");
    assertThat(in.race()).as("first OMB category").isEqualTo("2106-3");
    assertThat(in.ethnicity()).isEqualTo("2135-2");
    assertThat(in.active()).isTrue();
  }

  @Test
  void reads_bulk_export_patients_with_ssn_marital_status_language_and_death() {
    List<Patient> patients = SandboxResources.corpusLines("g10_Patient.ndjson", Patient.class);
    List<PatientInput> inputs = patients.stream().map(MAPPER::toInput).toList();

    assertThat(inputs).extracting(PatientInput::lastName).containsExactly("Ritchie586", "Bosco882");
    assertThat(inputs).extracting(PatientInput::ssn).allMatch(s -> ((String) s).startsWith("999-"));
    assertThat(inputs).extracting(PatientInput::maritalStatus).containsOnly("M");
    assertThat(inputs).extracting(PatientInput::preferredLanguage).containsOnly("en");
    assertThat(inputs).extracting(PatientInput::deceasedDate).containsExactly(null, "1977-07-14");
    assertThat(inputs.get(0).identifiers())
        .extracting(PatientIdentifier::type)
        .as("an untyped identifier is kept as PI")
        .containsExactlyInAnyOrder("PI", "MR", "DL")
        .doesNotContain("SS");
  }

  @Test
  void a_patient_without_an_id_is_refused_naming_the_field() {
    assertThatThrownBy(() -> MAPPER.toInput(new Patient().setActive(true)))
        .isInstanceOf(FhirMappingException.class)
        .hasMessage("FHIR-002 Patient.id: is required");
  }

  @Test
  void names_the_mrn_pool_as_the_assigning_authority_map_does_and_keeps_the_system() {
    CodeTranslator maps =
        SeedCodeMaps.load()
            .with(
                CodeMapKind.ASSIGNING_AUTHORITY,
                FhirSystems.URI,
                SandboxIdentifiers.MRN_SYSTEM,
                "SANDBOX MRN");
    PatientRecord record = SandboxResources.data().patients().get(0);

    PatientIdentifier mrn =
        new PatientMapper(maps, PHONES)
            .toInput(served(record)).identifiers().stream()
                .filter(i -> PatientIdentifier.MRN.equals(i.type()))
                .findFirst()
                .orElseThrow();

    assertThat(mrn.value()).isEqualTo(record.mrn());
    assertThat(mrn.assigningAuthority()).isEqualTo("SANDBOX MRN");
    assertThat(mrn.system()).isEqualTo(SandboxIdentifiers.MRN_SYSTEM);
  }

  static Patient served(PatientRecord record) {
    return SandboxResources.wire(SandboxResources.patients().toFhir(record));
  }

  static com.practicestudio.sandbox.data.Address home(PatientRecord r) {
    return r.addresses().stream()
        .filter(a -> "home".equals(a.use()))
        .findFirst()
        .orElse(r.addresses().get(0));
  }

  static String phone(PatientRecord r, Phone.Use use) {
    return r.phones().stream()
        .filter(p -> p.use() == use)
        .map(Phone::number)
        .filter(Objects::nonNull)
        .findFirst()
        .orElse(null);
  }
}
