package com.practicestudio.directory;

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
class ProviderRepository {

  private final JdbcClient jdbc;

  ProviderRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A provider's columns after validation. */
  record Row(
      String externalId,
      String npi,
      String firstName,
      String lastName,
      String credentials,
      String specialty,
      Phone phone,
      String email,
      boolean active) {}

  long insert(Row r, Instant now) {
    return jdbc.sql(
            """
            INSERT INTO provider (external_id, npi, first_name, last_name, credentials, specialty,
                                  phone, phone_extension, phone_valid, email, active, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
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
            UPDATE provider SET external_id = ?, npi = ?, first_name = ?, last_name = ?, credentials = ?,
                   specialty = ?, phone = ?, phone_extension = ?, phone_valid = ?, email = ?, active = ?,
                   updated_at = ?
             WHERE id = ?
            """)
        .params(params)
        .update();
  }

  Optional<Provider> findById(long id) {
    return jdbc.sql("SELECT * FROM provider WHERE id = ?")
        .param(id)
        .query(ProviderRepository::map)
        .optional();
  }

  Optional<Provider> findByNpi(String npi) {
    return jdbc.sql("SELECT * FROM provider WHERE npi = ?")
        .param(npi)
        .query(ProviderRepository::map)
        .optional();
  }

  Optional<Provider> findByExternalId(String externalId) {
    return jdbc.sql("SELECT * FROM provider WHERE external_id = ?")
        .param(externalId)
        .query(ProviderRepository::map)
        .optional();
  }

  boolean exists(long id) {
    return jdbc.sql("SELECT count(*) FROM provider WHERE id = ?")
            .param(id)
            .query(Long.class)
            .single()
        > 0;
  }

  List<Provider> search(ProviderQuery q, long afterId, int limit) {
    StringBuilder sql = new StringBuilder("SELECT * FROM provider WHERE id > ?");
    List<Object> params = new ArrayList<>(List.of(afterId));
    if (q.npi() != null) {
      sql.append(" AND npi = ?");
      params.add(q.npi());
    }
    if (q.externalId() != null) {
      sql.append(" AND external_id = ?");
      params.add(q.externalId());
    }
    if (q.lastName() != null) {
      sql.append(" AND lower(last_name) LIKE lower(?) ESCAPE '\\'");
      params.add(Like.prefix(q.lastName()));
    }
    if (q.active() != null) {
      sql.append(" AND active = ?");
      params.add(q.active());
    }
    sql.append(" ORDER BY id LIMIT ?");
    params.add(limit);
    return jdbc.sql(sql.toString()).params(params).query(ProviderRepository::map).list();
  }

  private static List<Object> values(Row r, Object... timestamps) {
    List<Object> v = new ArrayList<>();
    v.add(r.externalId());
    v.add(r.npi());
    v.add(r.firstName());
    v.add(r.lastName());
    v.add(r.credentials());
    v.add(r.specialty());
    v.add(r.phone() == null ? null : r.phone().value());
    v.add(r.phone() == null ? null : r.phone().extension());
    v.add(r.phone() == null || r.phone().valid());
    v.add(r.email());
    v.add(r.active());
    v.addAll(List.of(timestamps));
    return v;
  }

  private static Provider map(ResultSet rs, int row) throws SQLException {
    return new Provider(
        rs.getLong("id"),
        rs.getString("external_id"),
        rs.getString("npi"),
        rs.getString("first_name"),
        rs.getString("last_name"),
        rs.getString("credentials"),
        rs.getString("specialty"),
        rs.getString("phone"),
        rs.getString("phone_extension"),
        rs.getBoolean("phone_valid"),
        rs.getString("email"),
        rs.getBoolean("active"),
        rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("updated_at").toInstant());
  }
}
