package com.practicestudio.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import com.practicestudio.fhir.ConceptsTest.FakeCodes;
import com.practicestudio.patients.PatientInput;
import java.util.Map;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;

/** A FHIR Patient's gender, race and ethnicity that no code map translates are reported. */
class PatientUnmappedCodesTest {

  private static final String CERNER_282 = "https://fhir.cerner.com/ec2458f2/codeSet/282";
  private static final String CERNER_27 = "https://fhir.cerner.com/ec2458f2/codeSet/27";

  @Test
  void an_unmapped_gender_race_and_ethnicity_are_reported_and_left_out() {
    FakeCodes codes = new FakeCodes(Map.of());
    Patient patient = patient(AdministrativeGender.UNKNOWN);
    patient.addExtension(usCore(FhirSystems.US_CORE_RACE, CERNER_282, "3113830", "Martian"));
    patient.addExtension(usCore(FhirSystems.US_CORE_ETHNICITY, CERNER_27, "3120222", null));

    PatientInput input = new PatientMapper(codes, PatientMapperTest.PHONES).toInput(patient);

    assertThat(input.gender()).isNull();
    assertThat(input.race()).isNull();
    assertThat(input.ethnicity()).isNull();
    assertThat(codes.unmapped)
        .containsExactlyInAnyOrder(
            "gender " + FhirSystems.ADMINISTRATIVE_GENDER + " unknown",
            "race " + CERNER_282 + " 3113830",
            "ethnicity " + CERNER_27 + " 3120222");
  }

  @Test
  void codes_that_map_or_are_cdc_codes_already_and_texts_that_map_report_nothing() {
    FakeCodes codes = new FakeCodes(Map.of("unknown", "U", "Martian", "2131-1"));
    Patient patient = patient(AdministrativeGender.UNKNOWN);
    // Cerner's code does not map, its text does
    patient.addExtension(usCore(FhirSystems.US_CORE_RACE, CERNER_282, "3113830", "Martian"));
    // a CDC code is a Practice Studio value as it is
    patient.addExtension(
        usCore(FhirSystems.US_CORE_ETHNICITY, FhirSystems.CDC_RACE_ETHNICITY, "2186-5", null));

    PatientInput input = new PatientMapper(codes, PatientMapperTest.PHONES).toInput(patient);

    assertThat(input.gender()).isEqualTo("U");
    assertThat(input.race()).isEqualTo("2131-1");
    assertThat(input.ethnicity()).isEqualTo("2186-5");
    assertThat(codes.unmapped).isEmpty();
  }

  private static Patient patient(AdministrativeGender gender) {
    Patient patient = new Patient().setGender(gender);
    patient.setId("12724066");
    return patient;
  }

  /** A US Core race or ethnicity extension with one ombCategory coding and an optional text. */
  private static Extension usCore(String url, String system, String code, String text) {
    Extension extension = new Extension(url);
    extension.addExtension(new Extension("ombCategory", new Coding(system, code, null)));
    if (text != null) {
      extension.addExtension(new Extension("text", new StringType(text)));
    }
    return extension;
  }
}
