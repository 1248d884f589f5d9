package com.practicestudio.oauth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.JWTAuthenticationClaimsSet;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.Audience;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.JWTID;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.practicestudio.cerner.ClientAuthMethod;
import com.practicestudio.cerner.SmartAppCredentials;
import com.practicestudio.cerner.SystemAccount;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.net.ssl.SSLException;

/**
 * Talks to token endpoints with Nimbus: client_credentials (HTTP Basic or {@code private_key_jwt}),
 * authorization_code with PKCE, and refresh_token. Errors become {@link OAuthException}s with
 * stable codes; tokens and secrets never reach a message or a log.
 */
final class TokenClient {

  /** How long a client assertion is valid (SMART Backend Services: at most five minutes). */
  static final Duration ASSERTION_LIFETIME = Duration.ofMinutes(5);

  /** The lifetime assumed when a token response names none. */
  static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(5);

  private final OAuthProperties settings;
  private final Clock clock;

  TokenClient(OAuthProperties settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  /** A system-account token for {@code scopes}. */
  IssuedTokens clientCredentials(SystemAccount account, List<String> scopes) {
    URI tokenUrl = tokenUrl(account.tokenUrl(), account.domainName());
    ClientAuthentication auth = systemAuthentication(account, tokenUrl);
    Scope scope = new Scope(scopes.toArray(String[]::new));
    return send(new TokenRequest(tokenUrl, auth, new ClientCredentialsGrant(), scope), scopes);
  }

  /** Exchanges a SMART authorization code (PKCE verifier included). */
  IssuedTokens authorizationCode(
      SmartAppCredentials app, String code, URI redirectUri, CodeVerifier verifier) {
    AuthorizationGrant grant =
        new AuthorizationCodeGrant(new AuthorizationCode(code), redirectUri, verifier);
    return send(appRequest(app, grant), app.scopes());
  }

  /** A new access token from a SMART refresh token. */
  IssuedTokens refresh(SmartAppCredentials app, String refreshToken, List<String> scopes) {
    return send(appRequest(app, new RefreshTokenGrant(new RefreshToken(refreshToken))), scopes);
  }

  private TokenRequest appRequest(SmartAppCredentials app, AuthorizationGrant grant) {
    URI tokenUrl = tokenUrl(app.tokenUrl(), app.domainName());
    if (app.clientId() == null) {
      throw new OAuthException(
          OAuthError.NOT_CONFIGURED, "domain " + app.domainName() + " has no SMART client id");
    }
    ClientID clientId = new ClientID(app.clientId());
    if (app.confidential()) {
      return new TokenRequest(
          tokenUrl, new ClientSecretBasic(clientId, new Secret(app.clientSecret())), grant, null);
    }
    return new TokenRequest(tokenUrl, clientId, grant, null);
  }

  /** HTTP Basic with the secret, or a freshly signed client assertion. */
  ClientAuthentication systemAuthentication(SystemAccount account, URI tokenUrl) {
    if (account.clientId() == null) {
      throw new OAuthException(
          OAuthError.NOT_CONFIGURED, "domain " + account.domainName() + " has no client id");
    }
    ClientID clientId = new ClientID(account.clientId());
    if (account.clientAuth() == ClientAuthMethod.CLIENT_SECRET_BASIC) {
      if (account.clientSecret() == null) {
        throw new OAuthException(
            OAuthError.NOT_CONFIGURED, "domain " + account.domainName() + " has no client secret");
      }
      return new ClientSecretBasic(clientId, new Secret(account.clientSecret()));
    }
    if (account.privateKey() == null) {
      throw new OAuthException(
          OAuthError.NOT_CONFIGURED,
          "domain " + account.domainName() + " has no private key; generate one");
    }
    Instant now = clock.instant();
    JWTAuthenticationClaimsSet claims =
        new JWTAuthenticationClaimsSet(
            clientId,
            List.of(new Audience(tokenUrl)),
            Date.from(now.plus(ASSERTION_LIFETIME)),
            null,
            Date.from(now),
            new JWTID());
    try {
      return new PrivateKeyJWT(
          claims,
          JWSAlgorithm.RS384,
          account.privateKey().toRSAPrivateKey(),
          account.privateKey().getKeyID(),
          null);
    } catch (JOSEException e) {
      throw new OAuthException(OAuthError.NOT_CONFIGURED, "the private key cannot sign");
    }
  }

  private IssuedTokens send(TokenRequest request, List<String> requestedScopes) {
    Instant sentAt = clock.instant();
    HTTPRequest http = request.toHTTPRequest();
    http.setConnectTimeout(millis(settings.connectTimeout()));
    http.setReadTimeout(millis(settings.readTimeout()));
    HTTPResponse response;
    try {
      response = http.send();
    } catch (IOException e) {
      throw transportFailure(e, request.getEndpointURI());
    }
    if (response.getStatusCode() >= 500) {
      throw new OAuthException(
          OAuthError.TOKEN_ENDPOINT_UNAVAILABLE, "HTTP " + response.getStatusCode());
    }
    TokenResponse parsed;
    try {
      parsed = TokenResponse.parse(response);
    } catch (ParseException e) {
      throw new OAuthException(
          OAuthError.BAD_TOKEN_RESPONSE,
          "HTTP " + response.getStatusCode() + " without OAuth JSON");
    }
    if (!parsed.indicatesSuccess()) {
      ErrorObject error = parsed.toErrorResponse().getErrorObject();
      throw refused(error, response.getStatusCode());
    }
    return issued(parsed.toSuccessResponse(), requestedScopes, sentAt);
  }

  private static IssuedTokens issued(
      AccessTokenResponse success, List<String> requestedScopes, Instant sentAt) {
    var access = success.getTokens().getAccessToken();
    if (access == null || access.getValue() == null || access.getValue().isBlank()) {
      throw new OAuthException(OAuthError.BAD_TOKEN_RESPONSE, "no access_token");
    }
    Duration lifetime =
        access.getLifetime() > 0 ? Duration.ofSeconds(access.getLifetime()) : DEFAULT_LIFETIME;
    Set<String> scopes =
        access.getScope() != null
            ? new LinkedHashSet<>(access.getScope().toStringList())
            : new LinkedHashSet<>(requestedScopes);
    RefreshToken refresh = success.getTokens().getRefreshToken();
    return new IssuedTokens(
        access.getValue(),
        sentAt.plus(lifetime),
        scopes,
        refresh == null ? null : refresh.getValue(),
        success.getCustomParameters());
  }

  private static OAuthException refused(ErrorObject error, int status) {
    String code = error == null ? null : error.getCode();
    if (code == null && status == 401) {
      code = "invalid_client";
    }
    OAuthError mapped = OAuthError.ofOAuthCode(code);
    StringBuilder detail = new StringBuilder("HTTP ").append(status);
    if (code != null) {
      detail.append(", error ").append(code);
    }
    if (error != null && error.getDescription() != null) {
      detail.append(": ").append(clip(error.getDescription()));
    }
    String uri = error == null || error.getURI() == null ? "" : error.getURI().toString();
    if (uri.contains("invalid-tenant")) {
      // Cerner's authorization server names its reason in error_uri only
      detail.append(" (Cerner: the tenant id in the token URL is wrong)");
    } else if (uri.contains("empty-scopes")) {
      detail.append(" (Cerner: none of the scopes is registered for this client)");
    }
    return new OAuthException(mapped, detail.toString());
  }

  static OAuthException transportFailure(IOException e, URI endpoint) {
    String host = endpoint.getHost();
    if (e instanceof SocketTimeoutException) {
      String message = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
      String phase = message.contains("connect") ? "connecting to " + host : "reading the answer";
      return new OAuthException(OAuthError.TOKEN_ENDPOINT_TIMEOUT, phase + " timed out");
    }
    if (e instanceof UnknownHostException) {
      return new OAuthException(
          OAuthError.TOKEN_ENDPOINT_UNREACHABLE, "cannot resolve host " + host);
    }
    if (e instanceof ConnectException) {
      return new OAuthException(
          OAuthError.TOKEN_ENDPOINT_UNREACHABLE, "connection refused by " + host);
    }
    if (e instanceof SSLException) {
      return new OAuthException(
          OAuthError.TOKEN_ENDPOINT_UNREACHABLE, "TLS handshake with " + host + " failed");
    }
    return new OAuthException(
        OAuthError.TOKEN_ENDPOINT_UNREACHABLE,
        "connection to " + host + " failed (" + e.getClass().getSimpleName() + ")");
  }

  private static URI tokenUrl(String url, String domain) {
    if (url == null) {
      throw new OAuthException(
          OAuthError.NOT_CONFIGURED,
          "domain " + domain + " has no token endpoint; run discovery on its settings page");
    }
    return URI.create(url);
  }

  private static int millis(Duration d) {
    return (int) Math.min(Integer.MAX_VALUE, d.toMillis());
  }

  private static String clip(String text) {
    return text.length() <= 200 ? text : text.substring(0, 200) + "…";
  }
}
