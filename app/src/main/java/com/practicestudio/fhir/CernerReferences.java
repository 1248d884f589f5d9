package com.practicestudio.fhir;

import java.util.Optional;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;

/**
 * Turns Cerner's resource ids into Practice Studio record ids, for mappers that read resources
 * pointing at other resources (an Encounter's patient, location and practitioner). The seam that
 * keeps the mappers free of I/O: the real one looks the records up, tests use maps.
 */
public interface CernerReferences {

  /** The local patient holding this Cerner Patient id. */
  Optional<Long> patient(String fhirId);

  Optional<Long> provider(String fhirId);

  Optional<Long> location(String fhirId);

  Optional<Long> encounter(String fhirId);

  /** The id part of a reference of the given type ({@code Patient/12724066} → 12724066). */
  static Optional<String> idOf(Reference reference, String type) {
    if (reference == null || !reference.hasReference()) {
      return Optional.empty();
    }
    IdType id = new IdType(reference.getReference());
    if (!id.hasIdPart() || (id.hasResourceType() && !type.equals(id.getResourceType()))) {
      return Optional.empty();
    }
    if (!id.hasResourceType() && !type.equals(reference.getType())) {
      return Optional.empty();
    }
    return Optional.of(id.getIdPart());
  }
}
