package com.practicestudio.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.practicestudio.clinical.Observation;
import com.practicestudio.clinical.ObservationDraft;
import com.practicestudio.sandbox.data.ObservationRecord;
import com.practicestudio.sandbox.data.Quantity;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Observation.ObservationComponentComponent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Observations both ways: every seeded result read, and every kind we send valid R4. */
class ObservationMapperTest {

  static final ObservationMapper MAPPER = new ObservationMapper();
  static final Instant EFFECTIVE = Instant.parse("2026-11-19T14:30:00Z");

  record Field(
      String name,
      Function<ObservationRecord, Object> expected,
      Function<ObservationDraft, Object> actual) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Field> fields() {
    return Stream.of(
        new Field(
            "externalId", r -> Long.toString(r.observationId()), ObservationDraft::externalId),
        new Field(
            "patientId (resolved)",
            r -> NumericReferences.local(r.patientId()),
            ObservationDraft::patientId),
        new Field(
            "encounterId (resolved)",
            r -> r.encounterId() == null ? null : NumericReferences.local(r.encounterId()),
            ObservationDraft::encounterId),
        new Field("category", ObservationRecord::category, ObservationDraft::category),
        new Field("code (LOINC)", r -> r.code().code(), ObservationDraft::code),
        new Field("codeSystem", r -> FhirSystems.LOINC, ObservationDraft::codeSystem),
        new Field("display", r -> r.code().display(), ObservationDraft::display),
        new Field(
            "value (quantity or systolic/diastolic)",
            ObservationMapperTest::value,
            ObservationDraft::value),
        new Field("unit (UCUM code)", ObservationMapperTest::ucum, ObservationDraft::unit),
        new Field(
            "referenceRange (low-high)",
            r -> r.low() == null ? null : plain(r.low()) + "-" + plain(r.high()),
            ObservationDraft::referenceRange),
        new Field(
            "abnormalFlag (interpretation)",
            ObservationRecord::interpretation,
            ObservationDraft::abnormalFlag),
        new Field("status", ObservationRecord::status, ObservationDraft::status),
        new Field("effectiveTime", ObservationRecord::effective, ObservationDraft::effectiveTime),
        new Field("issuedTime", ObservationRecord::issued, ObservationDraft::issuedTime),
        new Field(
            "sendToCerner (never for what came from Cerner)",
            r -> false,
            ObservationDraft::sendToCerner));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fields")
  void reads_every_seeded_vital_sign_and_lab_result(Field field) {
    List<ObservationRecord> records = SandboxResources.data().observations();
    assertThat(records)
        .extracting(ObservationRecord::category)
        .contains("vital-signs", "laboratory");
    for (ObservationRecord record : records) {
      var served =
          SandboxResources.wire(
              new com.practicestudio.sandbox.fhir.ObservationMapper().toFhir(record));
      ObservationDraft draft = MAPPER.toDraft(served, new NumericReferences());
      assertThat(field.actual().apply(draft))
          .as("%s of Observation/%s", field.name(), record.observationId())
          .isEqualTo(field.expected().apply(record));
    }
  }

  @ParameterizedTest(name = "{0} {1} {2} {3}")
  @CsvSource(
      delimiter = '|',
      value = {
        "vital-signs | 8302-2  | 172.5  | cm          | cm      |        | ",
        "vital-signs | 8302-2  | 68     | in          | [in_i]  |        | ",
        "vital-signs | 29463-7 | 81.2   | kg          | kg      |        | ",
        "vital-signs | 29463-7 | 179    | lbs         | [lb_av] |        | ",
        "vital-signs | 8867-4  | 72     | bpm         | /min    |        | ",
        "vital-signs | 9279-1  | 16     | breaths/min | /min    |        | ",
        "vital-signs | 8310-5  | 37.1   | C           | Cel     |        | ",
        "vital-signs | 8310-5  | 98.6   | degF        | [degF]  |        | ",
        "vital-signs | 39156-5 | 24.3   | kg/m2       | kg/m2   |        | ",
        "vital-signs | 59408-5 | 97     | %           | %       |        | ",
        "vital-signs | 85354-9 | 120/80 | mmHg        | mm[Hg]  |        | ",
        "laboratory  | 2345-7  | 105    | mg/dL       | mg/dL   | 70-99  | H",
        "laboratory  | 2823-3  | 4.1    | mmol/L      | mmol/L  | 3.5-5.1| N",
        "laboratory  | 4548-4  | 5.2    | %           | %       | <5.7   | ",
      })
  void what_we_send_is_valid_r4_and_reads_back_the_same(
      String category,
      String code,
      String value,
      String unit,
      String ucum,
      String range,
      String flag) {
    Observation local = local(category, code, value, unit, range, flag);

    var fhir = MAPPER.toFhir(local, "12724066", "97953477");

    assertThat(R4Validation.errors(fhir)).isEmpty();
    assertThat(fhir.getSubject().getReference()).isEqualTo("Patient/12724066");
    assertThat(fhir.getEncounter().getReference()).isEqualTo("Encounter/97953477");
    assertThat(fhir.getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo(category);
    assertThat(fhir.getCode().getCodingFirstRep().getSystem()).isEqualTo(FhirSystems.LOINC);
    assertThat(fhir.getEffectiveDateTimeType().getValue().toInstant()).isEqualTo(EFFECTIVE);
    ObservationDraft back = MAPPER.toDraft(SandboxResources.wire(fhir), new NumericReferences());
    assertThat(back.value()).isEqualTo(value);
    assertThat(back.unit()).as("UCUM code").isEqualTo(ucum);
    assertThat(back.code()).isEqualTo(code);
    assertThat(back.referenceRange()).isEqualTo(range);
    assertThat(back.abnormalFlag()).isEqualTo(flag);
    assertThat(back.status()).isEqualTo("final");
  }

  @Test
  void body_height_goes_as_loinc_8302_2_in_centimetres() {
    var fhir = MAPPER.toFhir(local("vital-signs", "8302-2", "180", "cm", null, null), "1", null);
    assertThat(fhir.getCode().getCodingFirstRep().getCode()).isEqualTo("8302-2");
    assertThat(fhir.getCode().getText()).isEqualTo("Body height");
    assertThat(fhir.getValueQuantity().getSystem()).isEqualTo("http://unitsofmeasure.org");
    assertThat(fhir.getValueQuantity().getCode()).isEqualTo("cm");
    assertThat(fhir.getValueQuantity().getValue()).isEqualByComparingTo("180");
    assertThat(fhir.hasEncounter()).isFalse();
  }

  @Test
  void a_blood_pressure_goes_as_systolic_and_diastolic_components() {
    var fhir =
        MAPPER.toFhir(local("vital-signs", "85354-9", "118/76", "mmHg", null, null), "1", null);
    List<ObservationComponentComponent> components = fhir.getComponent();
    assertThat(components)
        .extracting(c -> c.getCode().getCodingFirstRep().getCode())
        .containsExactly("8480-6", "8462-4");
    assertThat(components)
        .extracting(c -> c.getValueQuantity().getValue().intValue())
        .containsExactly(118, 76);
    assertThat(fhir.hasValue()).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "a text value     | vital-signs | final       | 29463-7 | pending | kg   | value",
        "a number without unit | laboratory | final   | 2345-7  | 105     |      | value",
        "a category Cerner refuses | imaging | final  | 2345-7  | 105     | mg/dL | category",
        "a preliminary status | laboratory | preliminary | 2345-7 | 105  | mg/dL | status",
        "a malformed blood pressure | vital-signs | final | 85354-9 | 120 | mmHg | value",
      })
  void what_cerner_would_refuse_is_not_sent(
      String why,
      String category,
      String status,
      String code,
      String value,
      String unit,
      String field) {
    Observation local = withStatus(local(category, code, value, unit, null, null), status);
    assertThatThrownBy(() -> MAPPER.toFhir(local, "1", null))
        .isInstanceOf(FhirMappingException.class)
        .hasMessageStartingWith("FHIR-001 " + field + ":");
  }

  @Test
  void reads_the_us_core_blood_pressure_components() {
    var bp =
        SandboxResources.corpus(
            "uscore_observation-blood-pressure.json", org.hl7.fhir.r4.model.Observation.class);
    ObservationDraft draft =
        MAPPER.toDraft(bp, new NumericReferences(java.util.Map.of("example", 3L)));
    assertThat(draft.patientId()).isEqualTo(3L);
    assertThat(draft.code()).isEqualTo("85354-9");
    assertThat(draft.value()).matches("\\d+/\\d+");
    assertThat(draft.unit()).isEqualTo("mm[Hg]");
    assertThat(draft.category()).isEqualTo("vital-signs");
    assertThat(draft.encounterId()).as("Encounter/example is not linked").isNull();
  }

  static Observation local(
      String category, String code, String value, String unit, String range, String flag) {
    return new Observation(
        1L,
        null,
        7L,
        null,
        category,
        code,
        FhirSystems.LOINC,
        null,
        value,
        numeric(value),
        unit,
        range,
        flag,
        "final",
        EFFECTIVE,
        EFFECTIVE.plusSeconds(60),
        null,
        null,
        null,
        null,
        true,
        null,
        EFFECTIVE,
        EFFECTIVE,
        1);
  }

  static Observation withStatus(Observation o, String status) {
    return new Observation(
        o.id(),
        o.externalId(),
        o.patientId(),
        o.encounterId(),
        o.category(),
        o.code(),
        o.codeSystem(),
        o.display(),
        o.value(),
        o.valueNumeric(),
        o.unit(),
        o.referenceRange(),
        o.abnormalFlag(),
        status,
        o.effectiveTime(),
        o.issuedTime(),
        o.performerId(),
        o.notes(),
        o.orderId(),
        o.accession(),
        o.sendToCerner(),
        o.cernerStatus(),
        o.createdAt(),
        o.updatedAt(),
        o.version());
  }

  private static BigDecimal numeric(String value) {
    return value != null && value.matches("[-+]?\\d+(\\.\\d+)?") ? new BigDecimal(value) : null;
  }

  private static Object value(ObservationRecord r) {
    if (r.value() != null) {
      return plain(r.value());
    }
    return String.join("/", r.components().stream().map(c -> plain(c.value())).toList());
  }

  private static Object ucum(ObservationRecord r) {
    return r.value() != null ? r.value().ucum() : r.components().get(0).value().ucum();
  }

  private static String plain(Quantity q) {
    return q.value().toPlainString();
  }
}
