package com.practicestudio.sandbox.fhir;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;

/** If-Match on updates and ETag on answers. */
final class Versions {

  private Versions() {}

  /** The version an update's {@code If-Match} names ({@code W/"3"} → 3); 412 when missing. */
  static int ifMatch(RequestDetails request) {
    String header = request.getHeader("If-Match");
    if (header == null || header.isBlank()) {
      throw new PreconditionFailedException("The If-Match header is required for this update");
    }
    String value = header.trim();
    if (value.startsWith("W/")) {
      value = value.substring(2);
    }
    value = value.replace("\"", "");
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new InvalidRequestException("The If-Match header is not a version: " + header);
    }
  }

  /** Sets the {@code ETag} of the answer to a version. */
  static void etag(RequestDetails request, int version) {
    if (request instanceof ServletRequestDetails servlet) {
      servlet.getServletResponse().setHeader("ETag", "W/\"" + version + "\"");
    }
  }
}
