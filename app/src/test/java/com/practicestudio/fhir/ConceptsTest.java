package com.practicestudio.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import com.practicestudio.codemaps.CodeMapKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.junit.jupiter.api.Test;

/** A coded value that no map translates is reported once, after its last try, by its code. */
class ConceptsTest {

  private static final String CERNER_36 = "https://fhir.cerner.com/ec2458f2/codeSet/36";

  /** Maps "code" (any system) and remembers what it was told is unmapped. */
  static final class FakeCodes implements CodeTranslator {
    final Map<String, String> maps;
    final List<String> unmapped = new ArrayList<>();

    FakeCodes(Map<String, String> maps) {
      this.maps = maps;
    }

    @Override
    public Optional<String> toLocal(CodeMapKind kind, String system, String code) {
      return Optional.ofNullable(maps.get(code));
    }

    @Override
    public Optional<String> toCerner(CodeMapKind kind, String system, String value) {
      return Optional.empty();
    }

    @Override
    public void unmapped(CodeMapKind kind, String system, String code) {
      unmapped.add(kind.wire() + " " + system + " " + code);
    }
  }

  private static CodeableConcept concept(String text, Coding... codings) {
    CodeableConcept c = new CodeableConcept().setText(text);
    Arrays.stream(codings).forEach(c::addCoding);
    return c;
  }

  @Test
  void an_unmapped_concept_reports_cerners_code_rather_than_the_standard_one() {
    FakeCodes codes = new FakeCodes(Map.of());
    CodeableConcept language =
        concept(
            "Klingon",
            new Coding("urn:ietf:bcp:47", "tlh", null),
            new Coding(CERNER_36, "4434433", "Klingon"));

    assertThat(Concepts.toLocalOrReport(codes, CodeMapKind.LANGUAGE, List.of(language), Set.of()))
        .isEmpty();

    assertThat(codes.unmapped).containsExactly("language " + CERNER_36 + " 4434433");
  }

  @Test
  void a_concept_whose_display_or_own_system_answers_reports_nothing() {
    FakeCodes byDisplay = new FakeCodes(Map.of("Klingon", "tlh"));
    Concepts.toLocalOrReport(
        byDisplay,
        CodeMapKind.LANGUAGE,
        List.of(concept(null, new Coding(CERNER_36, "4434433", "Klingon"))),
        Set.of());
    FakeCodes ownSystem = new FakeCodes(Map.of());
    Concepts.toLocalOrReport(
        ownSystem,
        CodeMapKind.LANGUAGE,
        List.of(concept(null, new Coding("urn:ietf:bcp:47", "tlh", null))),
        Set.of("urn:ietf:bcp:47"));

    assertThat(byDisplay.unmapped).isEmpty();
    assertThat(ownSystem.unmapped).isEmpty();
  }

  @Test
  void of_alternative_concepts_a_later_one_that_maps_reports_nothing_and_text_is_never_reported() {
    CodeableConcept serviceType = concept(null, new Coding(CERNER_36, "111", null));
    CodeableConcept appointmentType = concept(null, new Coding(CERNER_36, "222", null));
    FakeCodes laterMaps = new FakeCodes(Map.of("222", "follow-up"));

    assertThat(
            Concepts.toLocalOrReport(
                laterMaps,
                CodeMapKind.APPOINTMENT_TYPE,
                List.of(serviceType, appointmentType),
                Set.of()))
        .contains("follow-up");
    assertThat(laterMaps.unmapped).isEmpty();

    FakeCodes noneMaps = new FakeCodes(Map.of());
    Concepts.toLocalOrReport(
        noneMaps,
        CodeMapKind.APPOINTMENT_TYPE,
        Arrays.asList(null, concept("Mr X's knee review"), serviceType, appointmentType),
        Set.of());
    assertThat(noneMaps.unmapped).containsExactly("appointment-type " + CERNER_36 + " 111");
  }
}
