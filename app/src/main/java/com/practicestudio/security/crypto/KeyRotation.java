package com.practicestudio.security.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Re-encrypts every sealed value under a new master key.
 *
 * <p>Order matters for crash safety: the new key is added to the ring file (old keys kept) before
 * anything is re-encrypted, and old keys leave the file only after every column has been rewritten.
 * A crash in between leaves a ring that still opens everything.
 */
@Service
public class KeyRotation {

  private static final int BATCH = 500;

  private final Crypto crypto;
  private final MasterKeySource source;
  private final List<EncryptedColumn> columns;
  private final JdbcClient jdbc;
  private final TransactionTemplate tx;

  KeyRotation(
      Crypto crypto,
      MasterKeySource source,
      List<EncryptedColumn> columns,
      JdbcClient jdbc,
      TransactionTemplate tx) {
    this.crypto = crypto;
    this.source = source;
    this.columns = columns;
    this.jdbc = jdbc;
    this.tx = tx;
  }

  /** What a rotation did. */
  public record Result(String newKeyId, long valuesReencrypted, String newInlineKey) {}

  /**
   * Rotates to a new key: generated (key file) or {@code nextInlineKey} (key given by setting,
   * which the operator must then put in the setting).
   */
  public Result rotate(String nextInlineKey) {
    byte[] next =
        nextInlineKey == null || nextInlineKey.isBlank()
            ? KeyRing.newKey()
            : Base64.getDecoder().decode(nextInlineKey.trim());
    List<byte[]> ring = new ArrayList<>(crypto.keyRing().rawKeys());
    ring.add(next);
    KeyRing transitional = KeyRing.of(ring);
    try {
      if (source instanceof MasterKeySource.File file) {
        file.save(ring);
      } else if (nextInlineKey == null || nextInlineKey.isBlank()) {
        throw new IllegalArgumentException(
            "the master key is given by a setting: pass the next key (base64, 32 bytes)");
      }
      crypto.use(transitional);
      long count = 0;
      for (EncryptedColumn column : columns) {
        count += reencrypt(column);
      }
      KeyRing finalRing = KeyRing.of(List.of(next));
      if (source instanceof MasterKeySource.File file) {
        file.save(finalRing.rawKeys());
      }
      crypto.use(finalRing);
      String inline =
          source instanceof MasterKeySource.Inline
              ? Base64.getEncoder().encodeToString(next)
              : null;
      return new Result(finalRing.activeId(), count, inline);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the master key file", e);
    }
  }

  private long reencrypt(EncryptedColumn column) {
    String active = crypto.activeKeyId();
    long done = 0;
    Object after = null;
    while (true) {
      List<Row> rows = page(column, after);
      if (rows.isEmpty()) {
        return done;
      }
      List<Row> stale =
          rows.stream().filter(r -> !Crypto.keyIdOf(r.value()).equals(active)).toList();
      tx.executeWithoutResult(
          status -> {
            for (Row row : stale) {
              byte[] plain = crypto.open(row.value(), column.context());
              jdbc.sql(
                      "UPDATE "
                          + column.table()
                          + " SET "
                          + column.column()
                          + " = ? WHERE "
                          + column.idColumn()
                          + " = ?")
                  .params(crypto.seal(plain, column.context()), row.id())
                  .update();
            }
          });
      done += stale.size();
      after = rows.get(rows.size() - 1).id();
    }
  }

  private List<Row> page(EncryptedColumn column, Object after) {
    String sql =
        "SELECT "
            + column.idColumn()
            + " AS id, "
            + column.column()
            + " AS v FROM "
            + column.table()
            + " WHERE "
            + column.column()
            + " IS NOT NULL"
            + (after == null ? "" : " AND " + column.idColumn() + " > ?")
            + " ORDER BY "
            + column.idColumn()
            + " LIMIT "
            + BATCH;
    JdbcClient.StatementSpec spec = jdbc.sql(sql);
    if (after != null) {
      spec = spec.param(after);
    }
    return spec.query((rs, n) -> new Row(rs.getObject("id"), rs.getBytes("v"))).list();
  }

  private record Row(Object id, byte[] value) {}
}
