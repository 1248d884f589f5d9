package com.practicestudio.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.practicestudio.clinical.EncounterDraft;
import com.practicestudio.clinical.EncounterService;
import com.practicestudio.codemaps.CodeMapKind;
import com.practicestudio.sandbox.data.EncounterRecord;
import com.practicestudio.sandbox.data.SandboxIdentifiers;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Encounter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Cerner Encounter → encounter, field by field, over every seeded encounter. */
class EncounterMapperTest {

  static final EncounterMapper MAPPER = new EncounterMapper(SeedCodeMaps.load());

  record Field(
      String name,
      Function<EncounterRecord, Object> expected,
      Function<EncounterDraft, Object> actual) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Field> fields() {
    return Stream.of(
        new Field("externalId", r -> Long.toString(r.encounterId()), EncounterDraft::externalId),
        new Field(
            "patientId (resolved)",
            r -> NumericReferences.local(r.patientId()),
            EncounterDraft::patientId),
        new Field("fin (type AN / FIN NBR)", EncounterRecord::fin, EncounterDraft::fin),
        new Field(
            "finAssigningAuthority (alias pool)",
            r -> SandboxIdentifiers.FIN_SYSTEM,
            EncounterDraft::finAssigningAuthority),
        new Field(
            "encounterClass (v3 ActCode spelled out)",
            r -> EncounterMapper.CLASSES.get(r.encounterClass()),
            EncounterDraft::encounterClass),
        new Field("status", EncounterRecord::status, EncounterDraft::status),
        new Field(
            "locationId (resolved)",
            r -> NumericReferences.local(r.locationId()),
            EncounterDraft::locationId),
        new Field(
            "attendingProviderId (ATND participant)",
            r -> NumericReferences.local(r.providerId()),
            EncounterDraft::attendingProviderId),
        new Field("admitTime (period.start)", EncounterRecord::start, EncounterDraft::admitTime),
        new Field(
            "dischargeTime (period.end)", EncounterRecord::end, EncounterDraft::dischargeTime));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fields")
  void maps_every_seeded_encounter(Field field) {
    for (EncounterRecord record : SandboxResources.data().encounters()) {
      Encounter served = SandboxResources.wire(SandboxResources.encounters().toFhir(record));
      EncounterDraft draft = MAPPER.toDraft(served, new NumericReferences());
      assertThat(field.actual().apply(draft))
          .as("%s of Encounter/%s", field.name(), record.encounterId())
          .isEqualTo(field.expected().apply(record));
    }
  }

  @ParameterizedTest
  @CsvSource({
    "AMB, ambulatory",
    "IMP, inpatient",
    "EMER, emergency",
    "OBSENC, observation",
    "PRENC, preadmit",
    "HH, home-health",
    "VR, virtual",
    "XYZ, unknown"
  })
  void encounter_classes_become_practice_studio_classes(String actCode, String expected) {
    assertThat(
            EncounterMapper.encounterClass(
                new org.hl7.fhir.r4.model.Coding(FhirSystems.ACT_CODE, actCode, null)))
        .isEqualTo(expected);
    assertThat(EncounterService.CLASSES).contains(expected);
  }

  @Test
  void names_the_fin_pool_as_the_assigning_authority_map_does() {
    CodeTranslator maps =
        SeedCodeMaps.load()
            .with(
                CodeMapKind.ASSIGNING_AUTHORITY,
                FhirSystems.URI,
                SandboxIdentifiers.FIN_SYSTEM,
                "FIN");
    EncounterRecord record = SandboxResources.data().encounters().get(0);
    Encounter served = SandboxResources.wire(SandboxResources.encounters().toFhir(record));

    EncounterDraft draft = new EncounterMapper(maps).toDraft(served, new NumericReferences());

    assertThat(draft.fin()).isEqualTo(record.fin());
    assertThat(draft.finAssigningAuthority()).isEqualTo("FIN");
  }

  @Test
  void reads_the_us_core_encounter_without_fin_or_participant() {
    Encounter encounter = SandboxResources.corpus("uscore_encounter-1036.json", Encounter.class);
    EncounterDraft draft =
        MAPPER.toDraft(encounter, new NumericReferences(Map.of("example", 7L, "hospital", 9L)));
    assertThat(draft.patientId()).isEqualTo(7L);
    assertThat(draft.locationId()).isEqualTo(9L);
    assertThat(draft.encounterClass()).isEqualTo("inpatient");
    assertThat(draft.status()).isEqualTo("in-progress");
    assertThat(draft.fin()).isNull();
    assertThat(draft.attendingProviderId()).isNull();
  }

  @Test
  void an_encounter_of_an_unlinked_patient_is_refused() {
    Encounter encounter = SandboxResources.corpus("uscore_encounter-1036.json", Encounter.class);
    CernerReferences none =
        new NumericReferences(Map.of()) {
          @Override
          public Optional<Long> patient(String fhirId) {
            return Optional.empty();
          }
        };
    assertThatThrownBy(() -> MAPPER.toDraft(encounter, none))
        .isInstanceOf(FhirMappingException.class)
        .hasMessageStartingWith("FHIR-003 Encounter.subject");
  }
}
