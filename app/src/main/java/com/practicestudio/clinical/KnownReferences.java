package com.practicestudio.clinical;

import java.util.Objects;

/**
 * References a caller has just read or written in its own transaction and so knows to be valid: an
 * existing patient that is not merged, an existing location and provider. A draft reference equal
 * to one of these is not looked up again; any other is checked as usual. Null: nothing known.
 */
public record KnownReferences(Long patientId, Long locationId, Long attendingProviderId) {

  static final KnownReferences NONE = new KnownReferences(null, null, null);

  boolean patient(Long id) {
    return id != null && Objects.equals(id, patientId);
  }

  boolean location(Long id) {
    return id != null && Objects.equals(id, locationId);
  }

  boolean attendingProvider(Long id) {
    return id != null && Objects.equals(id, attendingProviderId);
  }
}
