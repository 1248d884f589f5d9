package com.practicestudio.fhir;

import java.util.Map;
import java.util.Optional;

/**
 * References resolved as if every Cerner record had been imported with local id = 10 × its Cerner
 * id (so a mix-up of the two shows); named ids map through {@code named}.
 */
class NumericReferences implements CernerReferences {

  private final Map<String, Long> named;

  NumericReferences(Map<String, Long> named) {
    this.named = named;
  }

  NumericReferences() {
    this(Map.of());
  }

  static long local(long cernerId) {
    return cernerId * 10;
  }

  private Optional<Long> resolve(String id) {
    if (named.containsKey(id)) {
      return Optional.of(named.get(id));
    }
    return id.matches("\\d+") ? Optional.of(local(Long.parseLong(id))) : Optional.empty();
  }

  @Override
  public Optional<Long> patient(String fhirId) {
    return resolve(fhirId);
  }

  @Override
  public Optional<Long> provider(String fhirId) {
    return resolve(fhirId);
  }

  @Override
  public Optional<Long> location(String fhirId) {
    return resolve(fhirId);
  }

  @Override
  public Optional<Long> encounter(String fhirId) {
    return resolve(fhirId);
  }
}
