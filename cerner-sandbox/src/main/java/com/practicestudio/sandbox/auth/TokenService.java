package com.practicestudio.sandbox.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Mints and checks the sandbox's tokens: RS256-signed JWT access tokens whose audience is the FHIR
 * root, opaque refresh tokens (never rotated), one-time authorization codes and launch ids. Time
 * comes from the injected clock.
 */
public final class TokenService {

  /** A refresh token's grant: reused as is on each refresh. */
  public record RefreshGrant(String clientId, ScopeSet scopes, LaunchContext context) {}

  /** An authorization code waiting to be exchanged. */
  public record PendingCode(
      String clientId,
      String redirectUri,
      String codeChallenge,
      ScopeSet scopes,
      LaunchContext context,
      Instant expiresAt) {}

  private static final Duration CODE_LIFETIME = Duration.ofSeconds(60);

  private final Clock clock;
  private final Supplier<String> audience;
  private final Supplier<String> issuer;
  private final Duration accessTokenLifetime;
  private final RSAKey signingKey;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, RefreshGrant> refreshTokens = new ConcurrentHashMap<>();
  private final Map<String, PendingCode> codes = new ConcurrentHashMap<>();
  private final Map<String, LaunchContext> launches = new ConcurrentHashMap<>();
  private final Set<String> revokedAccessTokens = ConcurrentHashMap.newKeySet();

  public TokenService(
      Clock clock, Supplier<String> issuer, Supplier<String> audience, Duration lifetime) {
    this.clock = clock;
    this.issuer = issuer;
    this.audience = audience;
    this.accessTokenLifetime = lifetime;
    try {
      this.signingKey = new RSAKeyGenerator(2048).keyID("sandbox-1").generate();
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot create the signing key", e);
    }
  }

  public Duration accessTokenLifetime() {
    return accessTokenLifetime;
  }

  /** The public signing keys, as published at the JWKS endpoint. */
  public JWKSet publicKeys() {
    return new JWKSet(signingKey.toPublicJWK());
  }

  /** A signed access token for a client, its scopes and launch context. */
  public String mintAccessToken(String clientId, ScopeSet scopes, LaunchContext context) {
    Instant now = clock.instant();
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .issuer(issuer.get())
            .subject(clientId)
            .audience(audience.get())
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(accessTokenLifetime)))
            .jwtID(randomId())
            .claim("client_id", clientId)
            .claim("scope", scopes.toString());
    if (context.patientId() != null) {
      claims.claim("patient", context.patientId());
    }
    if (context.encounterId() != null) {
      claims.claim("encounter", context.encounterId());
    }
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID()).build(),
            claims.build());
    try {
      jwt.sign(new RSASSASigner(signingKey));
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign a token", e);
    }
    return jwt.serialize();
  }

  /**
   * Checks a bearer token: signature, audience, expiry (by the clock) and revocation.
   *
   * @throws InvalidTokenException with a reason safe to show the client
   */
  public AccessToken validate(String token) throws InvalidTokenException {
    JWTClaimsSet claims;
    try {
      SignedJWT jwt = SignedJWT.parse(token);
      if (!jwt.verify(new RSASSAVerifier(signingKey.toRSAPublicKey()))) {
        throw new InvalidTokenException("The access token signature is invalid.");
      }
      claims = jwt.getJWTClaimsSet();
    } catch (ParseException | JOSEException | IllegalStateException e) {
      throw new InvalidTokenException("The access token is malformed.");
    }
    if (!claims.getAudience().contains(audience.get())) {
      throw new InvalidTokenException("The access token is not meant for this server.");
    }
    Instant expiresAt = claims.getExpirationTime().toInstant();
    if (!clock.instant().isBefore(expiresAt)) {
      throw new InvalidTokenException("The access token expired.");
    }
    if (revokedAccessTokens.contains(claims.getJWTID())) {
      throw new InvalidTokenException("The access token was revoked.");
    }
    try {
      String scope = claims.getStringClaim("scope");
      LaunchContext context =
          new LaunchContext(claims.getStringClaim("patient"), claims.getStringClaim("encounter"));
      return new AccessToken(
          claims.getJWTID(), claims.getSubject(), ScopeSet.parse(scope), context, expiresAt);
    } catch (ParseException | IllegalArgumentException e) {
      throw new InvalidTokenException("The access token is malformed.");
    }
  }

  /** A new refresh token for a grant. */
  public String mintRefreshToken(RefreshGrant grant) {
    String token = randomId();
    refreshTokens.put(token, grant);
    return token;
  }

  public Optional<RefreshGrant> refreshGrant(String token) {
    return Optional.ofNullable(token).map(refreshTokens::get);
  }

  /** A one-time authorization code. */
  public String mintCode(
      String clientId,
      String redirectUri,
      String challenge,
      ScopeSet scopes,
      LaunchContext context) {
    String code = randomId();
    codes.put(
        code,
        new PendingCode(
            clientId,
            redirectUri,
            challenge,
            scopes,
            context,
            clock.instant().plus(CODE_LIFETIME)));
    return code;
  }

  /** Takes a code (it can be used once); empty when unknown, used or expired. */
  public Optional<PendingCode> redeemCode(String code) {
    PendingCode pending = code == null ? null : codes.remove(code);
    if (pending == null || !clock.instant().isBefore(pending.expiresAt())) {
      return Optional.empty();
    }
    return Optional.of(pending);
  }

  /** Mints a launch id carrying patient/encounter context for an EHR launch. */
  public String mintLaunch(LaunchContext context) {
    String launch = randomId();
    launches.put(launch, context);
    return launch;
  }

  public Optional<LaunchContext> launch(String launch) {
    return Optional.ofNullable(launch).map(launches::get);
  }

  /**
   * Revokes a refresh token or an access token (RFC 7009: unknown tokens are ignored).
   *
   * @return whether anything was revoked
   */
  public boolean revoke(String token) {
    if (token == null) {
      return false;
    }
    if (refreshTokens.remove(token) != null) {
      return true;
    }
    try {
      AccessToken access = validate(token);
      return revokedAccessTokens.add(access.tokenId());
    } catch (InvalidTokenException e) {
      return false;
    }
  }

  private String randomId() {
    byte[] bytes = new byte[24];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
