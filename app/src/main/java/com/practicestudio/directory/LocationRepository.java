package com.practicestudio.directory;

import com.practicestudio.contact.Address;
import com.practicestudio.contact.Phone;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class LocationRepository {

  private final JdbcClient jdbc;

  LocationRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A location's columns after validation. */
  record Row(
      String externalId,
      String name,
      String kind,
      String timeZone,
      Address address,
      Phone phone,
      boolean active) {}

  long insert(Row r, Instant now) {
    return jdbc.sql(
            """
            INSERT INTO location (external_id, name, kind, time_zone, address_line1, address_line2, city,
                                  state, postal_code, country, phone, phone_extension, phone_valid, active,
                                  created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
            """)
        .params(values(r, Timestamp.from(now), Timestamp.from(now)))
        .query(Long.class)
        .single();
  }

  void update(long id, Row r, Instant now) {
    List<Object> params = values(r, Timestamp.from(now));
    params.add(id);
    jdbc.sql(
            """
            UPDATE location SET external_id = ?, name = ?, kind = ?, time_zone = ?, address_line1 = ?,
                   address_line2 = ?, city = ?, state = ?, postal_code = ?, country = ?, phone = ?,
                   phone_extension = ?, phone_valid = ?, active = ?, updated_at = ?
             WHERE id = ?
            """)
        .params(params)
        .update();
  }

  Optional<Location> findById(long id) {
    return jdbc.sql("SELECT * FROM location WHERE id = ?")
        .param(id)
        .query(LocationRepository::map)
        .optional();
  }

  Optional<Location> findByExternalId(String externalId) {
    return jdbc.sql("SELECT * FROM location WHERE external_id = ?")
        .param(externalId)
        .query(LocationRepository::map)
        .optional();
  }

  boolean exists(long id) {
    return jdbc.sql("SELECT count(*) FROM location WHERE id = ?")
            .param(id)
            .query(Long.class)
            .single()
        > 0;
  }

  List<Location> search(LocationQuery q, long afterId, int limit) {
    StringBuilder sql = new StringBuilder("SELECT * FROM location WHERE id > ?");
    List<Object> params = new ArrayList<>(List.of(afterId));
    if (q.name() != null) {
      sql.append(" AND lower(name) LIKE lower(?) ESCAPE '\\'");
      params.add(Like.contains(q.name()));
    }
    if (q.externalId() != null) {
      sql.append(" AND external_id = ?");
      params.add(q.externalId());
    }
    if (q.kind() != null) {
      sql.append(" AND lower(kind) = lower(?)");
      params.add(q.kind());
    }
    if (q.active() != null) {
      sql.append(" AND active = ?");
      params.add(q.active());
    }
    sql.append(" ORDER BY id LIMIT ?");
    params.add(limit);
    return jdbc.sql(sql.toString()).params(params).query(LocationRepository::map).list();
  }

  private static List<Object> values(Row r, Object... timestamps) {
    Address a = r.address() == null ? new Address(null, null, null, null, null, null) : r.address();
    List<Object> v = new ArrayList<>();
    v.add(r.externalId());
    v.add(r.name());
    v.add(r.kind());
    v.add(r.timeZone());
    v.add(a.line1());
    v.add(a.line2());
    v.add(a.city());
    v.add(a.state());
    v.add(a.postalCode());
    v.add(a.country());
    v.add(r.phone() == null ? null : r.phone().value());
    v.add(r.phone() == null ? null : r.phone().extension());
    v.add(r.phone() == null || r.phone().valid());
    v.add(r.active());
    v.addAll(List.of(timestamps));
    return v;
  }

  private static Location map(ResultSet rs, int row) throws SQLException {
    Address address =
        new Address(
                rs.getString("address_line1"),
                rs.getString("address_line2"),
                rs.getString("city"),
                rs.getString("state"),
                rs.getString("postal_code"),
                rs.getString("country"))
            .trimmed();
    return new Location(
        rs.getLong("id"),
        rs.getString("external_id"),
        rs.getString("name"),
        rs.getString("kind"),
        rs.getString("time_zone"),
        address,
        rs.getString("phone"),
        rs.getString("phone_extension"),
        rs.getBoolean("phone_valid"),
        rs.getBoolean("active"),
        rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("updated_at").toInstant());
  }
}
