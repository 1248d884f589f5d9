package com.practicestudio.journal;

import com.practicestudio.web.Cursor;
import com.practicestudio.web.Page;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Journal rows in and out of SQL: recording, reading, searching and the history table. */
final class ExchangeRepository {

  static final String COLUMNS =
      "id, channel, direction, message_type, sender, message_id, correlation_key, status,"
          + " attempts, claim_seq, next_attempt_at, claimed_by, lease_until, error_code,"
          + " error_text, endpoint, parent_id, payload_size, content_type, received_at,"
          + " completed_at, updated_at";

  private final JdbcClient jdbc;

  ExchangeRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * One statement records a journal row, its sealed payload and its place in the workers' queue;
   * the inbound one answers nothing when the sender's control id was recorded before.
   */
  private static final String INSERT =
      """
      WITH ins AS (
          INSERT INTO exchange (channel, direction, message_type, sender, message_id,
              correlation_key, status, next_attempt_at, endpoint, parent_id, payload_size,
              content_type, received_at, updated_at, content_key, follow_up)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
          %s
          RETURNING id, direction, correlation_key, next_attempt_at),
      queued AS (%s),
      payload AS (INSERT INTO exchange_payload (exchange_id, body) SELECT id, ? FROM ins)
      SELECT id FROM ins
      """;

  private static final String INSERT_INBOUND =
      INSERT.formatted(
          "ON CONFLICT (channel, direction, sender, message_id) DO NOTHING", enqueue("ins"));

  private static final String INSERT_OUTBOUND = INSERT.formatted("", enqueue("ins"));

  /**
   * Puts in the workers' queue the rows a statement's {@code rows} step returned (with {@code id,
   * direction, correlation_key, next_attempt_at}): a row waits there from the moment it is recorded
   * or requeued until it finishes.
   */
  static String enqueue(String rows) {
    return "INSERT INTO exchange_queue (exchange_id, direction, correlation_key, next_attempt_at)"
        + " SELECT id, direction, correlation_key, next_attempt_at FROM "
        + rows;
  }

  /**
   * Inserts the row and its sealed payload, or answers the row recorded before under the sender's
   * control id. A different message under that id is recorded under an id of its own.
   */
  Recorded insertInbound(InboundMessage m, byte[] cipher, Instant now) {
    Optional<Long> id =
        insert(INSERT_INBOUND, Direction.INBOUND, ExchangeStatus.RECEIVED, m, cipher, now);
    if (id.isPresent()) {
      return new Recorded(id.get(), false, ExchangeStatus.RECEIVED);
    }
    RecordedBefore before =
        jdbc.sql(
                """
                SELECT id, status, content_key FROM exchange
                WHERE channel = ? AND direction = 'INBOUND' AND sender = ? AND message_id = ?
                """)
            .params(m.channel().name(), m.sender(), m.messageId())
            .query(
                (rs, n) ->
                    new RecordedBefore(
                        new Recorded(
                            rs.getLong("id"), true, ExchangeStatus.valueOf(rs.getString("status"))),
                        rs.getString("content_key")))
            .single();
    if (m.reusesIdOf(before.contentKey())) {
      ReusedControlIds.warn(m);
      return insertInbound(m.underOwnId(), cipher, now);
    }
    return before.recorded();
  }

  long insertOutbound(OutboundMessage m, byte[] cipher, Instant now) {
    return insert(INSERT_OUTBOUND, Direction.OUTBOUND, ExchangeStatus.PENDING, m, cipher, now)
        .orElseThrow();
  }

  private Optional<Long> insert(
      String sql,
      Direction direction,
      ExchangeStatus status,
      JournalMessage m,
      byte[] cipher,
      Instant now) {
    return jdbc.sql(sql)
        .params(
            m.channel().name(),
            direction.name(),
            m.messageType(),
            m.sender(),
            m.messageId(),
            m.correlationKey(),
            status.name(),
            ts(now),
            m.endpoint(),
            m.parentId(),
            m.payload().size(),
            m.payload().contentType(),
            ts(now),
            ts(now),
            m.contentKey(),
            m.followUp(),
            cipher)
        .query(Long.class)
        .optional();
  }

  /** Lets workers on other nodes know (delivered when the caller's transaction commits). */
  void notifyNodes() {
    jdbc.sql("SELECT pg_notify('" + JournalNotifications.CHANNEL + "', '')")
        .query((rs, n) -> 1)
        .list();
  }

  Optional<Exchange> find(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM exchange WHERE id = ?")
        .param(id)
        .query(ExchangeRepository::map)
        .optional();
  }

  Optional<byte[]> sealedPayload(long id) {
    return jdbc.sql("SELECT body FROM exchange_payload WHERE exchange_id = ?")
        .param(id)
        .query((rs, n) -> rs.getBytes(1))
        .optional();
  }

  /** Newest first, keyset-paged by id. */
  Page<Exchange> search(ExchangeQuery query, int limit, String cursor) {
    List<Object> params = new ArrayList<>();
    StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM exchange WHERE true");
    long before = Cursor.decodeId(cursor);
    if (before > 0) {
      sql.append(" AND id < ?");
      params.add(before);
    }
    ExchangeFilter.append(query, sql, params);
    sql.append(" ORDER BY id DESC LIMIT ?");
    params.add(limit + 1);
    List<Exchange> rows =
        jdbc.sql(sql.toString()).params(params).query(ExchangeRepository::map).list();
    return Cursor.page(rows, limit, e -> Long.toString(e.id()));
  }

  /** Ids matching a filter, oldest first (the order they will be applied in). */
  List<Long> ids(ExchangeQuery query, int limit) {
    List<Object> params = new ArrayList<>();
    StringBuilder sql = new StringBuilder("SELECT id FROM exchange WHERE true");
    ExchangeFilter.append(query, sql, params);
    sql.append(" ORDER BY id LIMIT ?");
    params.add(limit);
    return jdbc.sql(sql.toString()).params(params).query(Long.class).list();
  }

  List<ExchangeEvent> events(long exchangeId) {
    return jdbc.sql("SELECT * FROM exchange_event WHERE exchange_id = ? ORDER BY id")
        .param(exchangeId)
        .query(
            (rs, n) ->
                new ExchangeEvent(
                    rs.getLong("id"),
                    rs.getLong("exchange_id"),
                    instant(rs, "at"),
                    rs.getString("kind"),
                    rs.getInt("attempt"),
                    rs.getString("node"),
                    rs.getString("actor"),
                    rs.getString("error_code"),
                    rs.getString("error_text"),
                    (Integer) rs.getObject("millis"),
                    rs.getString("note")))
        .list();
  }

  void event(long exchangeId, Instant at, String kind, int attempt, EventDetail detail) {
    events(List.of(new NewEvent(exchangeId, kind, attempt, detail)), at);
  }

  /** One event of {@link #events}. */
  record NewEvent(long exchangeId, String kind, int attempt, EventDetail detail) {}

  /**
   * Inserts events given as {@link #eventParams}: a time they share, then one array a column. Also
   * a part of {@link ClaimRepository#finishAll}, which logs each attempt's end in the statement
   * that writes it.
   */
  static final String INSERT_EVENTS =
      """
      INSERT INTO exchange_event (exchange_id, at, kind, attempt, node, actor, error_code,
          error_text, millis, note)
      SELECT e.id, ?, e.kind, e.attempt, e.node, e.actor, e.code, e.text, e.millis, e.note
      FROM unnest(?::bigint[], ?::text[], ?::int[], ?::text[], ?::text[], ?::text[],
          ?::text[], ?::int[], ?::text[])
          AS e(id, kind, attempt, node, actor, code, text, millis, note)
      """;

  /** The parameters of {@link #INSERT_EVENTS}: the time, then one array for each column. */
  static List<Object> eventParams(List<NewEvent> events, Instant at) {
    return List.of(
        ts(at),
        events.stream().map(NewEvent::exchangeId).toArray(Long[]::new),
        events.stream().map(NewEvent::kind).toArray(String[]::new),
        events.stream().map(NewEvent::attempt).toArray(Integer[]::new),
        events.stream().map(e -> e.detail().node()).toArray(String[]::new),
        events.stream().map(e -> e.detail().actor()).toArray(String[]::new),
        events.stream().map(e -> e.detail().errorCode()).toArray(String[]::new),
        events.stream().map(e -> e.detail().errorText()).toArray(String[]::new),
        events.stream().map(e -> e.detail().millis()).toArray(Integer[]::new),
        events.stream().map(e -> e.detail().note()).toArray(String[]::new));
  }

  /** Writes many events at one time, in one statement. */
  void events(List<NewEvent> events, Instant at) {
    jdbc.sql(INSERT_EVENTS).params(eventParams(events, at)).update();
  }

  /** Who and what beside the kind of an event; any part may be null. */
  record EventDetail(
      String node, String actor, String errorCode, String errorText, Integer millis, String note) {

    static EventDetail worker(String node, String code, String text, long millis) {
      return new EventDetail(
          node, null, code, text, (int) Math.min(millis, Integer.MAX_VALUE), null);
    }

    static EventDetail operator(String actor, String note) {
      return new EventDetail(null, actor, null, null, null, note);
    }
  }

  List<ExchangeStats.Count> counts(Instant from, Instant to) {
    return jdbc.sql(
            """
            SELECT channel, direction, status, count(*) AS n FROM exchange
            WHERE received_at >= ? AND received_at < ?
            GROUP BY channel, direction, status ORDER BY channel, direction, status
            """)
        .params(ts(from), ts(to))
        .query(
            (rs, n) ->
                new ExchangeStats.Count(
                    Channel.valueOf(rs.getString("channel")),
                    Direction.valueOf(rs.getString("direction")),
                    ExchangeStatus.valueOf(rs.getString("status")),
                    rs.getLong("n")))
        .list();
  }

  /**
   * See {@link QueueHold}; only outbound rows of a key take part. A failed row holds when it is
   * still in the queue (rows that failed before rows were held left it); any other row may wait
   * behind one.
   */
  QueueHold hold(Exchange e) {
    if (e.direction() != Direction.OUTBOUND || e.correlationKey() == null) {
      return QueueHold.NONE;
    }
    if (e.status() == ExchangeStatus.FAILED) {
      long behind =
          jdbc.sql(
                  """
                  SELECT count(*) FROM exchange_queue q
                  WHERE q.direction = 'OUTBOUND' AND q.correlation_key = ? AND q.exchange_id > ?
                    AND EXISTS (SELECT 1 FROM exchange_queue h WHERE h.exchange_id = ?)
                  """)
              .params(e.correlationKey(), e.id(), e.id())
              .query(Long.class)
              .single();
      return new QueueHold(behind, null);
    }
    Long heldBy =
        jdbc.sql(
                """
                SELECT min(q.exchange_id) FROM exchange_queue q
                JOIN exchange f ON f.id = q.exchange_id AND f.status = 'FAILED'
                WHERE q.direction = 'OUTBOUND' AND q.correlation_key = ? AND q.exchange_id < ?
                """)
            .params(e.correlationKey(), e.id())
            .query((rs, n) -> rs.getObject(1, Long.class)) // NULL when it waits behind none
            .list()
            .get(0);
    return new QueueHold(0, heldBy);
  }

  /**
   * The error queue (FAILED) and the backlog (RECEIVED, PENDING) over all time: two counts, over a
   * small partial index and the queue table.
   */
  QueueSizes queueSizes() {
    return jdbc.sql(
            """
            SELECT (SELECT count(*) FROM exchange WHERE exceptional = 'FAILED') AS failed,
                   (SELECT count(*) FROM exchange_queue WHERE NOT claimed) AS waiting
            """)
        .query((rs, n) -> new QueueSizes(rs.getLong("failed"), rs.getLong("waiting")))
        .single();
  }

  record QueueSizes(long errorQueue, long backlog) {}

  static Exchange map(ResultSet rs, int row) throws SQLException {
    return new Exchange(
        rs.getLong("id"),
        Channel.valueOf(rs.getString("channel")),
        Direction.valueOf(rs.getString("direction")),
        rs.getString("message_type"),
        rs.getString("sender"),
        rs.getString("message_id"),
        rs.getString("correlation_key"),
        ExchangeStatus.valueOf(rs.getString("status")),
        rs.getInt("attempts"),
        instant(rs, "next_attempt_at"),
        rs.getString("claimed_by"),
        instant(rs, "lease_until"),
        rs.getString("error_code"),
        rs.getString("error_text"),
        rs.getString("endpoint"),
        (Long) rs.getObject("parent_id"),
        rs.getInt("payload_size"),
        rs.getString("content_type"),
        instant(rs, "received_at"),
        instant(rs, "completed_at"),
        instant(rs, "updated_at"));
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  static OffsetDateTime ts(Instant instant) {
    return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
