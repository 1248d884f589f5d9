package com.practicestudio.journal;

import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * The inbound row whose handler runs on this thread. Listeners of record events read it to tell a
 * change that came from a remote system from the practice's own — the outbound SIU feed, for
 * instance, does not echo back to Cerner the appointment Cerner just sent.
 */
public final class Applying {

  private static final ThreadLocal<Exchange> CURRENT = new ThreadLocal<>();

  private Applying() {}

  /** The inbound exchange being applied on this thread, if any (also during a dry run). */
  public static Optional<Exchange> inbound() {
    return Optional.ofNullable(CURRENT.get());
  }

  /** Runs {@code body} with {@code exchange} as the inbound row being applied. */
  static <T> T inbound(Exchange exchange, Callable<T> body) throws Exception {
    Exchange before = CURRENT.get();
    CURRENT.set(exchange);
    try {
      return body.call();
    } finally {
      if (before == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(before);
      }
    }
  }
}
