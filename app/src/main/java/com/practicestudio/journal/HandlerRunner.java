package com.practicestudio.journal;

import com.practicestudio.security.crypto.Crypto;
import com.practicestudio.security.crypto.CryptoException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;

/**
 * Calls a handler on a row's opened payload and turns whatever it does into an {@link Outcome}: its
 * answer, its {@link ExchangeFailure}, or a retry for anything it throws.
 */
final class HandlerRunner {

  private static final Logger log = LoggerFactory.getLogger(HandlerRunner.class);

  private final ExchangeRepository exchanges;
  private final Crypto crypto;

  HandlerRunner(ExchangeRepository exchanges, Crypto crypto) {
    this.exchanges = exchanges;
    this.crypto = crypto;
  }

  /** The row's payload, read and opened. */
  Payload payload(Exchange e) {
    return open(exchanges.sealedPayload(e.id()).orElse(null), e);
  }

  /** Reads the row's payload and runs the handler on it. */
  Outcome run(ExchangeHandler handler, Exchange e, Attempt attempt) {
    return run(handler, e, openOrNull(exchanges.sealedPayload(e.id()).orElse(null), e), attempt);
  }

  /** The row's payload ({@code sealed}: as stored) opened; null when it cannot be opened. */
  Payload openOrNull(byte[] sealed, Exchange e) {
    try {
      return open(sealed, e);
    } catch (CryptoException ex) {
      return null;
    }
  }

  /**
   * Runs the handler on the row's opened payload; {@code payload} null: it could not be opened, and
   * the row fails.
   */
  Outcome run(ExchangeHandler handler, Exchange e, Payload payload, Attempt attempt) {
    if (payload == null) {
      return Outcome.failed(
          JournalError.PAYLOAD_UNREADABLE.code(), JournalError.PAYLOAD_UNREADABLE.text());
    }
    try {
      Outcome outcome =
          e.direction() == Direction.INBOUND
              ? Applying.inbound(e, () -> handler.apply(e, payload, attempt))
              : handler.apply(e, payload, attempt);
      return outcome != null
          ? outcome
          : Outcome.failed(
              JournalError.HANDLER_EXCEPTION.code(), "the handler returned no outcome");
    } catch (ExchangeFailure f) {
      return f.toOutcome();
    } catch (DuplicateKeyException ex) {
      return Outcome.retry(JournalError.DUPLICATE_KEY.code(), JournalError.DUPLICATE_KEY.text());
    } catch (Exception ex) {
      // class and place only: exception messages may quote the message (PHI)
      StackTraceElement at = ex.getStackTrace().length > 0 ? ex.getStackTrace()[0] : null;
      log.warn("Exchange {}: handler threw {} at {}", e.id(), ex.getClass().getName(), at);
      return Outcome.retry(
          JournalError.HANDLER_EXCEPTION.code(),
          "the handler threw " + ex.getClass().getSimpleName());
    }
  }

  private Payload open(byte[] sealed, Exchange e) {
    byte[] plain =
        sealed == null ? new byte[0] : crypto.open(sealed, ExchangeApplier.PAYLOAD_CONTEXT);
    return new Payload(plain, e.contentType());
  }
}
