package com.practicestudio.oauth;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code smart_authorization} table: one sealed refresh token per user and domain. */
@Repository
class SmartAuthorizationRepository {

  static final String REFRESH_TOKEN = "smart_authorization.refresh_token";

  /** A stored authorization; the refresh token still sealed. */
  record Row(long id, byte[] sealedRefreshToken, String scopes, String patientId) {}

  private final JdbcClient jdbc;

  SmartAuthorizationRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Row> find(long domainId, String username) {
    return jdbc.sql(
            "SELECT id, refresh_token, scopes, patient_id FROM smart_authorization"
                + " WHERE domain_id = ? AND lower(username) = lower(?)")
        .params(domainId, username)
        .query(
            (rs, n) ->
                new Row(
                    rs.getLong("id"),
                    rs.getBytes("refresh_token"),
                    rs.getString("scopes"),
                    rs.getString("patient_id")))
        .optional();
  }

  void save(
      long domainId,
      String username,
      byte[] sealedRefreshToken,
      String scopes,
      LaunchContext context,
      Instant now) {
    jdbc.sql(
            """
            INSERT INTO smart_authorization (domain_id, username, refresh_token, scopes, patient_id,
              encounter_id, fhir_user, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (domain_id, lower(username)) DO UPDATE SET
              refresh_token = excluded.refresh_token, scopes = excluded.scopes,
              patient_id = excluded.patient_id, encounter_id = excluded.encounter_id,
              fhir_user = excluded.fhir_user, updated_at = excluded.updated_at
            """)
        .params(
            domainId,
            username,
            sealedRefreshToken,
            scopes,
            context.patientId(),
            context.encounterId(),
            context.fhirUser(),
            Timestamp.from(now),
            Timestamp.from(now))
        .update();
  }

  void replaceToken(long id, byte[] sealedRefreshToken, Instant now) {
    jdbc.sql("UPDATE smart_authorization SET refresh_token = ?, updated_at = ? WHERE id = ?")
        .params(sealedRefreshToken, Timestamp.from(now), id)
        .update();
  }

  boolean delete(long domainId, String username) {
    return jdbc.sql(
                "DELETE FROM smart_authorization WHERE domain_id = ? AND lower(username) = lower(?)")
            .params(domainId, username)
            .update()
        > 0;
  }
}
