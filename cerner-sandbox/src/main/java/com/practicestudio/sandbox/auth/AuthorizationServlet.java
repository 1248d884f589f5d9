package com.practicestudio.sandbox.auth;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.TokenIntrospectionRequest;
import com.nimbusds.oauth2.sdk.TokenIntrospectionSuccessResponse;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.auth.verifier.InvalidClientException;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.JakartaServletUtils;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.Token;
import com.practicestudio.sandbox.SandboxUrls;
import com.practicestudio.sandbox.data.SandboxData;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Date;

/**
 * The authorization server under {@code /tenants/{tenant}/protocols/oauth2/profiles/smart-v1}:
 * {@code /token}, {@code /personas/provider/authorize} (GET asks, POST answers the patient picker),
 * {@code /introspect}, {@code /revoke} and {@code /jwks}.
 */
public final class AuthorizationServlet extends HttpServlet {

  private final String prefix;
  private final TokenService tokens;
  private final ClientAuthenticator authenticator;
  private final TokenEndpoint tokenEndpoint;
  private final AuthorizeEndpoint authorizeEndpoint;

  public AuthorizationServlet(
      SandboxUrls urls,
      ClientRegistry registry,
      TokenService tokens,
      GrantCounter grants,
      SandboxData data) {
    this.prefix = SandboxUrls.oauthPath(urls.tenant());
    this.tokens = tokens;
    this.authenticator = new ClientAuthenticator(registry, urls::tokenUrl);
    this.tokenEndpoint = new TokenEndpoint(tokens, authenticator, grants);
    this.authorizeEndpoint =
        new AuthorizeEndpoint(registry, tokens, urls::fhirRoot, new PatientPicker(data));
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    switch (endpoint(request)) {
      case "/personas/provider/authorize", "/personas/patient/authorize" ->
          authorizeEndpoint.authorize(request, response);
      case "/jwks" -> {
        response.setContentType("application/json");
        response.getWriter().write(tokens.publicKeys().toString());
      }
      default -> response.sendError(404);
    }
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    switch (endpoint(request)) {
      case "/token" -> tokenEndpoint.handle(request, response);
      case "/personas/provider/authorize", "/personas/patient/authorize" ->
          authorizeEndpoint.choosePatient(request, response);
      case "/introspect" -> introspect(request, response);
      case "/revoke" -> revoke(request, response);
      default -> response.sendError(404);
    }
  }

  private String endpoint(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.startsWith(prefix) ? path.substring(prefix.length()) : "";
  }

  private void introspect(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    HTTPRequest http = JakartaServletUtils.createHTTPRequest(request);
    try {
      TokenIntrospectionRequest introspection = TokenIntrospectionRequest.parse(http);
      authenticator.authenticate(introspection.getClientAuthentication(), null);
      Token token = introspection.getToken();
      TokenIntrospectionSuccessResponse answer = describe(token);
      JakartaServletUtils.applyHTTPResponse(answer.toHTTPResponse(), response);
    } catch (ParseException e) {
      response.sendError(400, "token is required");
    } catch (InvalidClientException e) {
      JakartaServletUtils.applyHTTPResponse(
          new com.nimbusds.oauth2.sdk.TokenIntrospectionErrorResponse(e.getErrorObject())
              .toHTTPResponse(),
          response);
    }
  }

  private TokenIntrospectionSuccessResponse describe(Token token) {
    String value = token.getValue();
    try {
      com.practicestudio.sandbox.auth.AccessToken access = tokens.validate(value);
      TokenIntrospectionSuccessResponse.Builder builder =
          new TokenIntrospectionSuccessResponse.Builder(true)
              .scope(com.nimbusds.oauth2.sdk.Scope.parse(access.scopes().toString()))
              .clientID(new ClientID(access.clientId()))
              .tokenType(com.nimbusds.oauth2.sdk.token.AccessTokenType.BEARER)
              .expirationTime(Date.from(access.expiresAt()));
      if (access.context().patientId() != null) {
        builder.parameter("patient", access.context().patientId());
      }
      return builder.build();
    } catch (InvalidTokenException e) {
      return tokens
          .refreshGrant(value)
          .map(
              grant ->
                  new TokenIntrospectionSuccessResponse.Builder(true)
                      .scope(com.nimbusds.oauth2.sdk.Scope.parse(grant.scopes().toString()))
                      .clientID(new ClientID(grant.clientId()))
                      .build())
          .orElse(new TokenIntrospectionSuccessResponse.Builder(false).build());
    }
  }

  private void revoke(HttpServletRequest request, HttpServletResponse response) throws IOException {
    HTTPRequest http = JakartaServletUtils.createHTTPRequest(request);
    try {
      TokenRevocationRequest revocation = TokenRevocationRequest.parse(http);
      authenticator.authenticate(revocation.getClientAuthentication(), revocation.getClientID());
      Token token = revocation.getToken();
      tokens.revoke(token instanceof AccessToken ? token.getValue() : token.getValue());
      response.setStatus(200);
    } catch (ParseException e) {
      response.sendError(400, "token is required");
    } catch (InvalidClientException e) {
      response.setStatus(401);
      response.setContentType("application/json");
      response.getWriter().write("{\"error\":\"invalid_client\"}");
    }
  }
}
