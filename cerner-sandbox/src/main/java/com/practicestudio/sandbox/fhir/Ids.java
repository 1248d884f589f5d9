package com.practicestudio.sandbox.fhir;

import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.hl7.fhir.instance.model.api.IIdType;

/** Numeric Millennium ids from FHIR ids; an id that cannot exist is a 404. */
final class Ids {

  private Ids() {}

  static long numeric(IIdType id) {
    try {
      return Long.parseLong(id.getIdPart());
    } catch (NumberFormatException e) {
      throw new ResourceNotFoundException(id);
    }
  }

  static Long numericOrNull(String id) {
    try {
      return Long.parseLong(id);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** The id part of a reference like {@code Patient/123}, when it is of that type. */
  static String referenceId(String reference, String type) {
    if (reference == null || !reference.startsWith(type + "/")) {
      return null;
    }
    return reference.substring(type.length() + 1);
  }
}
