package com.practicestudio.fhir;

import com.practicestudio.codemaps.CodeMapKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;

/**
 * Reads a coded value through the code maps. A standard coding is tried first (it means the same in
 * every domain), then Cerner's proprietary coding (its numbers are the domain's own), then the
 * display text against the proprietary code set (Cerner sends displays where no alias is built). A
 * code in {@code ownSystems} — a system whose codes already are Practice Studio values (BCP 47
 * tags, CDC race codes) — is taken as it is when no map says otherwise.
 */
final class Concepts {

  private Concepts() {}

  static Optional<String> toLocal(
      CodeTranslator codes, CodeMapKind kind, CodeableConcept concept, Set<String> ownSystems) {
    if (concept == null || concept.isEmpty()) {
      return Optional.empty();
    }
    List<Coding> ordered = new ArrayList<>();
    concept.getCoding().stream()
        .filter(c -> !FhirSystems.isCerner(c.getSystem()))
        .forEach(ordered::add);
    concept.getCoding().stream()
        .filter(c -> FhirSystems.isCerner(c.getSystem()))
        .forEach(ordered::add);
    for (Coding coding : ordered) {
      Optional<String> value = toLocal(codes, kind, coding, ownSystems);
      if (value.isPresent()) {
        return value;
      }
    }
    String textSystem =
        ordered.stream()
            .map(Coding::getSystem)
            .filter(FhirSystems::isCerner)
            .findFirst()
            .orElse(null);
    for (Coding coding : ordered) {
      if (coding.hasDisplay()) {
        Optional<String> value = codes.toLocal(kind, textSystem, coding.getDisplay());
        if (value.isPresent()) {
          return value;
        }
      }
    }
    return concept.hasText()
        ? codes.toLocal(kind, textSystem, concept.getText())
        : Optional.empty();
  }

  /**
   * The value of the first concept that maps, each read as {@link #toLocal(CodeTranslator,
   * CodeMapKind, CodeableConcept, Set)} reads one. When none maps, one code of the first concept
   * with a code is reported as unmapped: Cerner's proprietary one if it sent one (that is the code
   * a site maps), else the first. Texts are not reported: they may be free text.
   *
   * @param concepts in order of preference; nulls are skipped
   */
  static Optional<String> toLocalOrReport(
      CodeTranslator codes,
      CodeMapKind kind,
      List<CodeableConcept> concepts,
      Set<String> ownSystems) {
    for (CodeableConcept concept : concepts) {
      Optional<String> value = toLocal(codes, kind, concept, ownSystems);
      if (value.isPresent()) {
        return value;
      }
    }
    concepts.stream()
        .filter(c -> c != null && c.getCoding().stream().anyMatch(Coding::hasCode))
        .findFirst()
        .map(Concepts::reported)
        .ifPresent(c -> codes.unmapped(kind, c.getSystem(), c.getCode()));
    return Optional.empty();
  }

  /** The coding of a concept that a miss names: Cerner's, else the first with a code. */
  private static Coding reported(CodeableConcept concept) {
    List<Coding> coded = concept.getCoding().stream().filter(Coding::hasCode).toList();
    return coded.stream()
        .filter(c -> FhirSystems.isCerner(c.getSystem()))
        .findFirst()
        .orElse(coded.get(0));
  }

  static Optional<String> toLocal(
      CodeTranslator codes, CodeMapKind kind, Coding coding, Set<String> ownSystems) {
    if (coding == null || !coding.hasCode()) {
      return Optional.empty();
    }
    Optional<String> mapped = codes.toLocal(kind, coding.getSystem(), coding.getCode());
    if (mapped.isPresent()) {
      return mapped;
    }
    return coding.hasSystem() && ownSystems.contains(coding.getSystem())
        ? Optional.of(coding.getCode())
        : Optional.empty();
  }

  /** The first coding of a system, if any. */
  static Optional<Coding> coding(CodeableConcept concept, String system) {
    if (concept == null) {
      return Optional.empty();
    }
    return concept.getCoding().stream()
        .filter(c -> system.equals(c.getSystem()) && c.hasCode())
        .findFirst();
  }

  /** The concept's text, else its first coding's display, else null. */
  static String text(CodeableConcept concept) {
    if (concept == null || concept.isEmpty()) {
      return null;
    }
    if (concept.hasText()) {
      return concept.getText();
    }
    return concept.getCoding().stream()
        .filter(Coding::hasDisplay)
        .map(Coding::getDisplay)
        .findFirst()
        .orElse(null);
  }
}
