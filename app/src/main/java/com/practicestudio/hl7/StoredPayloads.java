package com.practicestudio.hl7;

import com.practicestudio.security.crypto.Crypto;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads a journal row's payload for the ignore rule, which sees only the row's metadata. This is
 * the server reading for itself, as the journal's workers do before every handler, so it is not
 * audited as a person's PHI read (people read payloads through {@code ExchangeJournal.readPayload},
 * which is). The context string is the journal's ({@code exchange_payload.body}).
 */
final class StoredPayloads {

  private static final String CONTEXT = "exchange_payload.body";

  private final JdbcClient jdbc;
  private final Crypto crypto;

  StoredPayloads(JdbcClient jdbc, Crypto crypto) {
    this.jdbc = jdbc;
    this.crypto = crypto;
  }

  Optional<byte[]> read(long exchangeId) {
    return jdbc.sql("SELECT body FROM exchange_payload WHERE exchange_id = ?")
        .param(exchangeId)
        .query(byte[].class)
        .optional()
        .map(cipher -> crypto.open(cipher, CONTEXT));
  }
}
