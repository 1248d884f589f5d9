package com.practicestudio.oauth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * One cached token (per domain and scope set, or per user and domain) and at most one grant in
 * flight for it: callers that find the token stale while a grant runs wait for that grant's result
 * instead of starting their own.
 */
final class TokenSlot {

  private record Cached(AccessToken token, Instant refreshAt) {}

  private final Clock clock;
  private final Duration margin;
  private Cached cached;
  private CompletableFuture<AccessToken> inFlight;

  TokenSlot(Clock clock, Duration margin) {
    this.clock = clock;
    this.margin = margin;
  }

  /** The cached token while it is fresh, else the result of one grant shared by all callers. */
  AccessToken get(Supplier<AccessToken> grant) {
    CompletableFuture<AccessToken> waitFor;
    boolean mine = false;
    synchronized (this) {
      if (cached != null && clock.instant().isBefore(cached.refreshAt())) {
        return cached.token();
      }
      if (inFlight == null) {
        inFlight = new CompletableFuture<>();
        mine = true;
      }
      waitFor = inFlight;
    }
    if (mine) {
      run(grant, waitFor);
    }
    try {
      return waitFor.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }

  private void run(Supplier<AccessToken> grant, CompletableFuture<AccessToken> result) {
    try {
      AccessToken token = grant.get();
      synchronized (this) {
        cached = new Cached(token, refreshAt(token));
        inFlight = null;
      }
      result.complete(token);
    } catch (RuntimeException | Error e) {
      synchronized (this) {
        inFlight = null;
      }
      result.completeExceptionally(e);
    }
  }

  /** Caches a token obtained elsewhere (e.g. by a SMART launch's code exchange). */
  synchronized void put(AccessToken token) {
    cached = new Cached(token, refreshAt(token));
  }

  /** Drops the cached token if it is still {@code value} (a newer one is kept). */
  synchronized void invalidate(String value) {
    if (cached != null && (value == null || cached.token().value().equals(value))) {
      cached = null;
    }
  }

  /** The token is replaced {@code margin} before it expires, but never before half its life. */
  private Instant refreshAt(AccessToken token) {
    Instant now = clock.instant();
    Duration life = Duration.between(now, token.expiresAt());
    Duration early = margin.compareTo(life.dividedBy(2)) > 0 ? life.dividedBy(2) : margin;
    return token.expiresAt().minus(early);
  }
}
