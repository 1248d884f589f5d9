package com.practicestudio.sandbox.fhir;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import com.practicestudio.sandbox.auth.AccessToken;
import com.practicestudio.sandbox.auth.SmartScope;

/**
 * What the request's token allows, as the authorization interceptor left it on the request: a grant
 * through a {@code patient/} scope reaches only the launch patient's data.
 */
final class Access {

  static final String TOKEN = "sandbox.token";
  static final String CONTEXT = "sandbox.scopeContext";

  private Access() {}

  /** The launch patient when the request is allowed only through a patient scope, else null. */
  static String restrictedToPatient(RequestDetails request) {
    Object context = request.getUserData().get(CONTEXT);
    Object token = request.getUserData().get(TOKEN);
    if (context == SmartScope.Context.PATIENT && token instanceof AccessToken access) {
      return access.context().patientId() == null ? "" : access.context().patientId();
    }
    return null;
  }

  /** 403 when a patient-scoped token writes data about another patient. */
  static void requirePatientWrite(RequestDetails request, String patientId) {
    String allowed = restrictedToPatient(request);
    if (allowed != null && !allowed.equals(patientId)) {
      throw new ForbiddenOperationException(
          "The access token's patient scope does not cover this patient");
    }
  }
}
