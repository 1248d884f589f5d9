package com.practicestudio.oauth;

import com.practicestudio.cerner.CernerCredentials;
import com.practicestudio.cerner.SmartAppCredentials;
import com.practicestudio.security.crypto.Crypto;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * A console user's SMART access token for a domain: kept in memory while fresh, renewed with the
 * user's refresh token (stored sealed, one per user and domain) when not. An expired or revoked
 * refresh token is forgotten and answered with {@link OAuthError#INVALID_GRANT}: the user must
 * launch again.
 */
@Service
public class SmartTokens {

  private static final Logger log = LoggerFactory.getLogger(SmartTokens.class);
  private static final String GRANT = "refresh_token";

  private record Key(long domainId, String username) {}

  private final SmartAuthorizationRepository authorizations;
  private final CernerCredentials credentials;
  private final TokenClient client;
  private final Crypto crypto;
  private final Clock clock;
  private final OAuthProperties settings;
  private final TokenMetrics metrics;
  private final Map<Key, TokenSlot> slots = new ConcurrentHashMap<>();

  SmartTokens(
      SmartAuthorizationRepository authorizations,
      CernerCredentials credentials,
      TokenClient client,
      Crypto crypto,
      Clock clock,
      OAuthProperties settings,
      TokenMetrics metrics) {
    this.authorizations = authorizations;
    this.credentials = credentials;
    this.client = client;
    this.crypto = crypto;
    this.clock = clock;
    this.settings = settings;
    this.metrics = metrics;
  }

  /**
   * The user's access token for the domain, refreshed when it is stale.
   *
   * @throws OAuthException {@code NOT_AUTHORIZED} without a stored authorization, {@code
   *     INVALID_GRANT} when the refresh token expired or was revoked (it is then forgotten)
   */
  public AccessToken get(long domainId, String username) {
    return slot(domainId, username).get(() -> refresh(domainId, username));
  }

  /** Drops a token a resource server refused (401); the next {@link #get} refreshes. */
  public void invalidate(long domainId, String username, String token) {
    slot(domainId, username).invalidate(token);
  }

  /** Whether the user has a stored authorization with the domain. */
  public boolean authorized(long domainId, String username) {
    return authorizations.find(domainId, username).isPresent();
  }

  /** Forgets the user's authorization with the domain (stored refresh token and cached token). */
  public void forget(long domainId, String username) {
    authorizations.delete(domainId, username);
    slots.remove(key(domainId, username));
  }

  /** Keeps the access token a launch just obtained. */
  void remember(long domainId, String username, AccessToken token) {
    slot(domainId, username).put(token);
  }

  private AccessToken refresh(long domainId, String username) {
    SmartAuthorizationRepository.Row row =
        authorizations
            .find(domainId, username)
            .orElseThrow(() -> new OAuthException(OAuthError.NOT_AUTHORIZED, "domain " + domainId));
    SmartAppCredentials app = credentials.smartApp(domainId);
    if (!app.enabled()) {
      throw new OAuthException(OAuthError.DOMAIN_DISABLED, app.domainName());
    }
    String refreshToken =
        crypto.openText(row.sealedRefreshToken(), SmartAuthorizationRepository.REFRESH_TOKEN);
    try {
      IssuedTokens issued = client.refresh(app, refreshToken, List.of(row.scopes().split(" ")));
      metrics.granted(domainId, GRANT);
      if (issued.refreshToken() != null && !issued.refreshToken().equals(refreshToken)) {
        authorizations.replaceToken(
            row.id(),
            crypto.sealText(issued.refreshToken(), SmartAuthorizationRepository.REFRESH_TOKEN),
            clock.instant());
      }
      return issued.access();
    } catch (OAuthException e) {
      metrics.failed(domainId, GRANT, e.error());
      if (e.error() == OAuthError.INVALID_GRANT) {
        authorizations.delete(domainId, username);
        log.info("A SMART refresh token for domain {} expired or was revoked", domainId);
      }
      throw e;
    }
  }

  private TokenSlot slot(long domainId, String username) {
    return slots.computeIfAbsent(
        key(domainId, username), k -> new TokenSlot(clock, settings.refreshMargin()));
  }

  private static Key key(long domainId, String username) {
    return new Key(domainId, username.toLowerCase(Locale.ROOT));
  }
}
