package com.practicestudio.oauth;

import com.practicestudio.cerner.CernerDomainChanged;
import com.practicestudio.cerner.SystemAccount;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;

/**
 * System-account access tokens for Cerner domains ({@code client_credentials}), cached per domain
 * and scope set and replaced shortly before they expire. Under concurrency one grant runs at a time
 * per cache entry; the others wait for its result.
 *
 * <pre>{@code
 * // the usual way: a call that is retried once with a fresh token when the server answers 401
 * Bundle b = tokens.call(domainId, List.of(), token -> fhir.search(token, ...));
 * // or by hand
 * AccessToken token = tokens.get(domainId);            // the domain's configured scopes
 * ... on 401: tokens.invalidate(domainId, List.of(), token.value()); then get again, once
 * }</pre>
 */
public class AccessTokens {

  private static final Logger log = LoggerFactory.getLogger(AccessTokens.class);
  private static final String GRANT = "client_credentials";

  private record Key(long domainId, String scopes) {}

  private final SystemAccountSource accounts;
  private final TokenClient client;
  private final Clock clock;
  private final OAuthProperties settings;
  private final TokenMetrics metrics;
  private final Map<Key, TokenSlot> slots = new ConcurrentHashMap<>();

  AccessTokens(
      SystemAccountSource accounts,
      TokenClient client,
      Clock clock,
      OAuthProperties settings,
      TokenMetrics metrics) {
    this.accounts = accounts;
    this.client = client;
    this.clock = clock;
    this.settings = settings;
    this.metrics = metrics;
  }

  /** A token with the domain's configured scopes. */
  public AccessToken get(long domainId) {
    return get(domainId, List.of());
  }

  /**
   * A token for {@code scopes} (empty: the domain's configured scopes), from the cache while it is
   * fresh.
   *
   * @throws OAuthException with the reason when no token can be had
   */
  public AccessToken get(long domainId, Collection<String> scopes) {
    Key key = key(domainId, scopes);
    return slots
        .computeIfAbsent(key, k -> new TokenSlot(clock, settings.refreshMargin()))
        .get(() -> grant(domainId, scopes));
  }

  /**
   * Drops {@code token} from the cache after a resource server refused it (401); the next {@link
   * #get} asks for a new one. A newer cached token is kept.
   */
  public void invalidate(long domainId, Collection<String> scopes, String token) {
    TokenSlot slot = slots.get(key(domainId, scopes));
    if (slot != null) {
      slot.invalidate(token);
    }
  }

  /**
   * Runs {@code call} with a token; when it throws {@link TokenRejectedException} (a 401), drops
   * that token and runs it once more with a fresh one.
   */
  public <T> T call(long domainId, Collection<String> scopes, TokenCall<T> call) {
    AccessToken token = get(domainId, scopes);
    try {
      return call.call(token.value());
    } catch (TokenRejectedException e) {
      log.info("Cerner domain {} refused a cached token; getting a new one", domainId);
      invalidate(domainId, scopes, token.value());
      return call.call(get(domainId, scopes).value());
    }
  }

  /** A fresh token, bypassing (and not filling) the cache: for the connectivity test. */
  public AccessToken grantUncached(long domainId) {
    return grant(domainId, List.of());
  }

  /** Forgets every cached token of a domain whose settings changed. */
  @EventListener
  void domainChanged(CernerDomainChanged event) {
    slots.keySet().removeIf(key -> key.domainId() == event.domainId());
  }

  private AccessToken grant(long domainId, Collection<String> scopes) {
    SystemAccount account = accounts.systemAccount(domainId);
    if (!account.enabled()) {
      throw failed(domainId, new OAuthException(OAuthError.DOMAIN_DISABLED, account.domainName()));
    }
    List<String> wanted = scopes.isEmpty() ? account.scopes() : List.copyOf(scopes);
    if (wanted.isEmpty()) {
      throw failed(
          domainId,
          new OAuthException(
              OAuthError.NOT_CONFIGURED, "domain " + account.domainName() + " has no scopes"));
    }
    try {
      AccessToken token = client.clientCredentials(account, wanted).access();
      metrics.granted(domainId, GRANT);
      return token;
    } catch (OAuthException e) {
      throw failed(domainId, e);
    }
  }

  private OAuthException failed(long domainId, OAuthException e) {
    metrics.failed(domainId, GRANT, e.error());
    log.warn("No token for Cerner domain {}: {}", domainId, e.getMessage());
    return e;
  }

  private static Key key(long domainId, Collection<String> scopes) {
    return new Key(domainId, String.join(" ", new TreeSet<>(scopes)));
  }
}
