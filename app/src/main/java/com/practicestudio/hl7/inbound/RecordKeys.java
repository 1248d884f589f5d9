package com.practicestudio.hl7.inbound;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code hl7_record_key} table: which record a message's business key made, for records that
 * carry no identifier of their own in the message (an OBX result, an ED document, an FT1 without a
 * transaction id). Keys are kept as SHA-256 digests, never as the message values they are made of.
 * Writes join the handler's transaction.
 */
@Repository
class RecordKeys {

  private final JdbcClient jdbc;
  private final Clock clock;

  RecordKeys(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  Optional<Long> find(String kind, String key) {
    return jdbc.sql("SELECT record_id FROM hl7_record_key WHERE kind = ? AND key_hash = ?")
        .params(kind, digest(key))
        .query(Long.class)
        .optional();
  }

  /** Remembers (or repoints) the record a key made. */
  void remember(String kind, String key, long recordId) {
    jdbc.sql(
            """
            INSERT INTO hl7_record_key (kind, key_hash, record_id, created_at) VALUES (?, ?, ?, ?)
            ON CONFLICT (kind, key_hash) DO UPDATE SET record_id = EXCLUDED.record_id
            """)
        .params(kind, digest(key), recordId, Timestamp.from(clock.instant()))
        .update();
  }

  static String digest(String key) {
    return digestBytes(key.getBytes(StandardCharsets.UTF_8));
  }

  static String digestBytes(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
