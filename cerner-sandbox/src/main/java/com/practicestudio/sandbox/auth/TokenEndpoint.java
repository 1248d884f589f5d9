package com.practicestudio.sandbox.auth;

import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.verifier.InvalidClientException;
import com.nimbusds.oauth2.sdk.http.JakartaServletUtils;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.token.Tokens;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The token endpoint: client_credentials for system accounts, authorization_code with PKCE (S256)
 * for SMART apps, and refresh_token (the refresh token is not rotated).
 */
final class TokenEndpoint {

  private final TokenService tokens;
  private final ClientAuthenticator authenticator;
  private final GrantCounter grants;

  TokenEndpoint(TokenService tokens, ClientAuthenticator authenticator, GrantCounter grants) {
    this.tokens = tokens;
    this.authenticator = authenticator;
    this.grants = grants;
  }

  void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
    Object answer;
    try {
      TokenRequest tokenRequest =
          TokenRequest.parse(JakartaServletUtils.createHTTPRequest(request));
      RegisteredClient client =
          authenticator.authenticate(
              tokenRequest.getClientAuthentication(), tokenRequest.getClientID());
      answer = grant(client, tokenRequest);
    } catch (ParseException e) {
      ErrorObject error = e.getErrorObject();
      answer = new TokenErrorResponse(error != null ? error : OAuth2Error.INVALID_REQUEST);
    } catch (InvalidClientException e) {
      answer = new TokenErrorResponse(InvalidClientException.BAD_ID.getErrorObject());
    } catch (GrantException e) {
      answer = new TokenErrorResponse(e.error);
    }
    if (answer instanceof AccessTokenResponse success) {
      JakartaServletUtils.applyHTTPResponse(success.toHTTPResponse(), response);
    } else {
      JakartaServletUtils.applyHTTPResponse(
          ((TokenErrorResponse) answer).toHTTPResponse(), response);
    }
  }

  private AccessTokenResponse grant(RegisteredClient client, TokenRequest request)
      throws GrantException {
    AuthorizationGrant grant = request.getAuthorizationGrant();
    if (grant instanceof ClientCredentialsGrant) {
      return clientCredentials(client, request.getScope());
    }
    if (grant instanceof AuthorizationCodeGrant code) {
      return authorizationCode(client, code);
    }
    if (grant instanceof RefreshTokenGrant refresh) {
      return refresh(client, refresh, request.getScope());
    }
    throw new GrantException(OAuth2Error.UNSUPPORTED_GRANT_TYPE);
  }

  private AccessTokenResponse clientCredentials(RegisteredClient client, Scope scope)
      throws GrantException {
    if (client.kind() != RegisteredClient.Kind.SYSTEM) {
      throw new GrantException(OAuth2Error.UNAUTHORIZED_CLIENT);
    }
    ScopeSet scopes = allowedScopes(client, scope);
    boolean onlySystem =
        scopes.resourceScopes().stream().allMatch(s -> s.context() == SmartScope.Context.SYSTEM);
    if (!onlySystem || (scopes.resourceScopes().isEmpty() && !scopes.hasServiceScope())) {
      throw new GrantException(
          OAuth2Error.INVALID_SCOPE.setDescription("System accounts need system/ scopes"));
    }
    grants.count("client_credentials");
    String access = tokens.mintAccessToken(client.clientId(), scopes, LaunchContext.NONE);
    return response(access, scopes, null, LaunchContext.NONE);
  }

  private AccessTokenResponse authorizationCode(
      RegisteredClient client, AuthorizationCodeGrant grant) throws GrantException {
    TokenService.PendingCode pending =
        tokens
            .redeemCode(grant.getAuthorizationCode().getValue())
            .filter(code -> code.clientId().equals(client.clientId()))
            .orElseThrow(() -> new GrantException(OAuth2Error.INVALID_GRANT));
    String redirect =
        grant.getRedirectionURI() == null ? null : grant.getRedirectionURI().toString();
    if (!pending.redirectUri().equals(redirect)) {
      throw new GrantException(
          OAuth2Error.INVALID_GRANT.setDescription("redirect_uri does not match"));
    }
    if (grant.getCodeVerifier() == null
        || !CodeChallenge.compute(CodeChallengeMethod.S256, grant.getCodeVerifier())
            .getValue()
            .equals(pending.codeChallenge())) {
      throw new GrantException(
          OAuth2Error.INVALID_GRANT.setDescription("code_verifier does not match"));
    }
    grants.count("authorization_code");
    String refresh = null;
    if (pending.scopes().has("offline_access") || pending.scopes().has("online_access")) {
      refresh =
          tokens.mintRefreshToken(
              new TokenService.RefreshGrant(
                  client.clientId(), pending.scopes(), pending.context()));
    }
    String access = tokens.mintAccessToken(client.clientId(), pending.scopes(), pending.context());
    return response(access, pending.scopes(), refresh, pending.context());
  }

  private AccessTokenResponse refresh(RegisteredClient client, RefreshTokenGrant grant, Scope scope)
      throws GrantException {
    String refresh = grant.getRefreshToken().getValue();
    TokenService.RefreshGrant original =
        tokens
            .refreshGrant(refresh)
            .filter(g -> g.clientId().equals(client.clientId()))
            .orElseThrow(() -> new GrantException(OAuth2Error.INVALID_GRANT));
    ScopeSet scopes = original.scopes();
    if (scope != null) {
      ScopeSet asked = parse(scope);
      if (asked.firstNotAllowedBy(original.scopes()).isPresent()) {
        throw new GrantException(OAuth2Error.INVALID_SCOPE);
      }
      scopes = asked;
    }
    grants.count("refresh_token");
    String access = tokens.mintAccessToken(client.clientId(), scopes, original.context());
    return response(access, scopes, refresh, original.context());
  }

  private static ScopeSet allowedScopes(RegisteredClient client, Scope scope)
      throws GrantException {
    if (scope == null) {
      throw new GrantException(OAuth2Error.INVALID_SCOPE.setDescription("scope is required"));
    }
    ScopeSet scopes = parse(scope);
    Optional<String> refused = scopes.firstNotAllowedBy(client.allowedScopes());
    if (refused.isPresent()) {
      throw new GrantException(
          OAuth2Error.INVALID_SCOPE.setDescription("scope not allowed: " + refused.get()));
    }
    return scopes;
  }

  static ScopeSet parse(Scope scope) throws GrantException {
    try {
      return ScopeSet.parse(scope.toString());
    } catch (IllegalArgumentException e) {
      throw new GrantException(OAuth2Error.INVALID_SCOPE.setDescription(e.getMessage()));
    }
  }

  private AccessTokenResponse response(
      String access, ScopeSet scopes, String refresh, LaunchContext context) {
    long lifetime = tokens.accessTokenLifetime().toSeconds();
    Tokens issued =
        new Tokens(
            new BearerAccessToken(access, lifetime, Scope.parse(scopes.toString())),
            refresh == null ? null : new RefreshToken(refresh));
    Map<String, Object> extra = new LinkedHashMap<>();
    if (context.patientId() != null) {
      extra.put("patient", context.patientId());
      extra.put("need_patient_banner", true);
    }
    if (context.encounterId() != null) {
      extra.put("encounter", context.encounterId());
    }
    return new AccessTokenResponse(issued, extra);
  }

  /** A grant refused with an OAuth error. */
  static final class GrantException extends Exception {
    final ErrorObject error;

    GrantException(ErrorObject error) {
      super(error.getCode());
      this.error = error;
    }
  }
}
