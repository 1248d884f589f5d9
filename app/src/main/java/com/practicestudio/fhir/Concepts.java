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
