package com.practicestudio.sandbox.fhir;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.ResponseDetails;
import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import com.practicestudio.sandbox.auth.AccessToken;
import com.practicestudio.sandbox.auth.InvalidTokenException;
import com.practicestudio.sandbox.auth.SmartScope;
import com.practicestudio.sandbox.auth.TokenService;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.function.Supplier;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;

/**
 * Enforces bearer tokens and scopes on every FHIR request but {@code metadata}: no or a bad token
 * answers 401 with {@code WWW-Authenticate: Bearer ...}; a token without a scope for the
 * interaction answers 403. A grant through a {@code patient/} scope only reaches the launch
 * patient's data.
 */
@Interceptor
public final class SmartAuthorizationInterceptor {

  private final TokenService tokens;
  private final Supplier<String> realm;

  public SmartAuthorizationInterceptor(TokenService tokens, Supplier<String> realm) {
    this.tokens = tokens;
    this.realm = realm;
  }

  @Hook(Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED)
  public boolean authorize(RequestDetails request, HttpServletRequest servletRequest) {
    RestOperationTypeEnum operation = request.getRestOperationType();
    if (operation == RestOperationTypeEnum.METADATA) {
      return true;
    }
    AccessToken token = authenticate(servletRequest.getHeader("Authorization"));
    String type = request.getResourceName();
    SmartScope.Permission permission = permission(operation);
    Optional<SmartScope.Context> context = token.scopes().contextFor(type, permission);
    if (context.isEmpty()) {
      throw new ForbiddenOperationException(
          "The access token has no scope that allows " + operation.getCode() + " on " + type);
    }
    request.getUserData().put(Access.TOKEN, token);
    request.getUserData().put(Access.CONTEXT, context.get());
    return true;
  }

  /** Checks that a patient-scoped answer holds only the launch patient's data. */
  @Hook(Pointcut.SERVER_OUTGOING_RESPONSE)
  public boolean checkCompartment(RequestDetails request, ResponseDetails response) {
    String patient = Access.restrictedToPatient(request);
    IBaseResource resource = response.getResponseResource();
    if (patient == null || resource == null) {
      return true;
    }
    if (resource instanceof Bundle bundle) {
      bundle.getEntry().forEach(entry -> requireCompartment(entry.getResource(), patient));
    } else {
      requireCompartment(resource, patient);
    }
    return true;
  }

  private AccessToken authenticate(String header) {
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      AuthenticationException missing =
          new AuthenticationException("An OAuth 2 bearer token is required");
      missing.addResponseHeader("WWW-Authenticate", "Bearer realm=\"" + realm.get() + "\"");
      throw missing;
    }
    try {
      return tokens.validate(header.substring(7).trim());
    } catch (InvalidTokenException e) {
      AuthenticationException invalid = new AuthenticationException(e.getMessage());
      invalid.addResponseHeader(
          "WWW-Authenticate",
          "Bearer realm=\""
              + realm.get()
              + "\", error=\"invalid_token\", error_description=\""
              + e.getMessage()
              + "\"");
      throw invalid;
    }
  }

  private static void requireCompartment(IBaseResource resource, String patient) {
    String owner = PatientCompartment.patientOf(resource);
    if (owner != null && !owner.equals(patient)) {
      throw new ForbiddenOperationException(
          "The access token's patient scope does not cover this patient's data");
    }
  }

  static SmartScope.Permission permission(RestOperationTypeEnum operation) {
    return switch (operation) {
      case SEARCH_TYPE, SEARCH_SYSTEM, GET_PAGE -> SmartScope.Permission.S;
      case CREATE -> SmartScope.Permission.C;
      case UPDATE, PATCH -> SmartScope.Permission.U;
      case DELETE -> SmartScope.Permission.D;
      default -> SmartScope.Permission.R;
    };
  }
}
