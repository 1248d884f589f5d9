package com.practicestudio.journal;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What inbound rows owe once they have an outcome: a marker written with the row ({@link
 * InboundMessage#followUp()}), read and settled here by the channel that wrote it. The journal does
 * not interpret markers; a channel finds its own by a prefix.
 *
 * <p>A row is due when it has finished (APPLIED, IGNORED, FAILED, DISCARDED) and its status is not
 * the one its owner last answered while keeping the marker ({@code follow_up_seen}): so an owner
 * hears of each new outcome once — a FAILED row again only after a reprocess ends differently.
 *
 * <p>{@link #settle} changes the marker and records the owner's answer (an outbound row) in one
 * transaction, and only if the row still holds the marker and status the owner read: when two nodes
 * settle the same row, the second changes nothing and records nothing. Due rows are found through a
 * partial index that holds only rows with a marker.
 */
public final class FollowUps {

  /**
   * A finished row with a marker its owner has not answered for this status. {@code errorText}
   * holds no PHI (the journal's contract).
   */
  public record Due(
      long id,
      ExchangeStatus status,
      String marker,
      String endpoint,
      String correlationKey,
      String errorCode,
      String errorText) {}

  private static final String DUE =
      """
      SELECT id, status, follow_up, endpoint, correlation_key, error_code, error_text
      FROM exchange
      WHERE follow_up IS NOT NULL AND starts_with(follow_up, ?)
        AND status IN ('APPLIED', 'IGNORED', 'FAILED', 'DISCARDED')
        AND follow_up_seen IS DISTINCT FROM status
      """;

  private final JdbcClient jdbc;
  private final JournalStore store;
  private final ExchangeJournal journal;

  FollowUps(JournalStore store, ExchangeJournal journal) {
    this.jdbc = JdbcClient.create(store.dataSource());
    this.store = store;
    this.journal = journal;
  }

  /** Due rows whose marker starts with {@code prefix}, by id after {@code afterId}: one page. */
  public List<Due> due(String prefix, long afterId, int limit) {
    return jdbc.sql(DUE + " AND id > ? ORDER BY id LIMIT ?")
        .params(prefix, afterId, limit)
        .query(FollowUps::map)
        .list();
  }

  /** Row {@code id}, if it is due and its marker starts with {@code prefix}. */
  public Optional<Due> due(String prefix, long id) {
    return jdbc.sql(DUE + " AND id = ?").params(prefix, id).query(FollowUps::map).optional();
  }

  /**
   * Answers a due row: its marker becomes {@code next} (null: nothing more is owed; otherwise the
   * row waits for an outcome other than the one it has), and {@code answer}, when given, is
   * recorded in the same transaction. Answers false, recording nothing, when the row no longer has
   * {@code due}'s marker and status (another node settled it, or it was reprocessed meanwhile).
   */
  public boolean settle(Due due, String next, OutboundMessage answer) {
    return Boolean.TRUE.equals(
        store
            .tx()
            .execute(
                status -> {
                  int changed =
                      jdbc.sql(
                              """
                              UPDATE exchange SET follow_up = ?, follow_up_seen = ?
                              WHERE id = ? AND follow_up = ? AND status = ?
                                AND follow_up_seen IS DISTINCT FROM status
                              """)
                          .params(
                              next,
                              next == null ? null : due.status().name(),
                              due.id(),
                              due.marker(),
                              due.status().name())
                          .update();
                  if (changed == 1 && answer != null) {
                    journal.recordOutbound(answer);
                  }
                  return changed == 1;
                }));
  }

  private static Due map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new Due(
        rs.getLong("id"),
        ExchangeStatus.valueOf(rs.getString("status")),
        rs.getString("follow_up"),
        rs.getString("endpoint"),
        rs.getString("correlation_key"),
        rs.getString("error_code"),
        rs.getString("error_text"));
  }
}
