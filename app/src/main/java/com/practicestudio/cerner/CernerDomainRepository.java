package com.practicestudio.cerner;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The {@code cerner_domain} table. Sealed columns are read only through {@link #sealed}. */
@Repository
class CernerDomainRepository {

  /** The sealed columns of one domain, as stored. */
  record Sealed(byte[] clientSecret, byte[] privateKey, byte[] smartClientSecret) {}

  private static final String COLUMNS =
      """
      id, name, fhir_root, enabled, client_id, client_auth, client_secret IS NOT NULL AS secret_set,
      key_id, public_jwks, scopes, smart_client_id,
      smart_client_secret IS NOT NULL AS smart_secret_set, smart_scopes, millennium_base_url,
      millennium_services, millennium_version, time_zone, test_patient_id, discovery::text AS discovery,
      created_at, updated_at, version
      """;

  private final JdbcClient jdbc;
  private final JsonMapper json;

  CernerDomainRepository(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  List<CernerDomain> all() {
    return jdbc.sql("SELECT " + COLUMNS + " FROM cerner_domain ORDER BY lower(name)")
        .query(this::map)
        .list();
  }

  Optional<CernerDomain> find(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM cerner_domain WHERE id = ?")
        .param(id)
        .query(this::map)
        .optional();
  }

  Optional<CernerDomain> findByName(String name) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM cerner_domain WHERE lower(name) = lower(?)")
        .param(name)
        .query(this::map)
        .optional();
  }

  Optional<CernerDomain> findByFhirRoot(String fhirRoot) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM cerner_domain WHERE lower(fhir_root) = lower(?)")
        .param(fhirRoot)
        .query(this::map)
        .optional();
  }

  Optional<Sealed> sealed(long id) {
    return jdbc.sql(
            "SELECT client_secret, private_key, smart_client_secret FROM cerner_domain WHERE id = ?")
        .param(id)
        .query(
            (rs, n) ->
                new Sealed(
                    rs.getBytes("client_secret"),
                    rs.getBytes("private_key"),
                    rs.getBytes("smart_client_secret")))
        .optional();
  }

  long insert(DomainValues v, byte[] secret, byte[] smartSecret, Discovery discovery, Instant now) {
    return jdbc.sql(
            """
            INSERT INTO cerner_domain (name, fhir_root, enabled, client_id, client_auth, client_secret,
              scopes, smart_client_id, smart_client_secret, smart_scopes, millennium_base_url,
              millennium_services, millennium_version, time_zone, test_patient_id, discovery,
              created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?::text[], ?, ?, ?::text[], ?, ?::text[], ?, ?, ?, ?::jsonb, ?, ?)
            RETURNING id
            """)
        .params(settings(v, secret, smartSecret, discovery))
        .params(Timestamp.from(now), Timestamp.from(now))
        .query(Long.class)
        .single();
  }

  /** Updates the settings; a null sealed secret keeps the stored one. */
  void update(
      long id,
      DomainValues v,
      byte[] secret,
      byte[] smartSecret,
      Discovery discovery,
      Instant now) {
    jdbc.sql(
            """
            UPDATE cerner_domain SET name = ?, fhir_root = ?, enabled = ?, client_id = ?,
              client_auth = ?, client_secret = COALESCE(?, client_secret), scopes = ?::text[],
              smart_client_id = ?, smart_client_secret = COALESCE(?, smart_client_secret),
              smart_scopes = ?::text[], millennium_base_url = ?, millennium_services = ?::text[],
              millennium_version = ?, time_zone = ?, test_patient_id = ?, discovery = ?::jsonb,
              updated_at = ?, version = version + 1
            WHERE id = ?
            """)
        .params(settings(v, secret, smartSecret, discovery))
        .params(Timestamp.from(now), id)
        .update();
  }

  /** The settings columns, in the order both the insert and the update name them. */
  private List<Object> settings(
      DomainValues v, byte[] secret, byte[] smartSecret, Discovery discovery) {
    return Arrays.asList(
        v.name(),
        v.fhirRoot(),
        v.enabled(),
        v.clientId(),
        v.clientAuth().wire(),
        secret,
        array(v.scopes()),
        v.smartClientId(),
        smartSecret,
        array(v.smartScopes()),
        v.millenniumBaseUrl(),
        array(v.millenniumServices().stream().map(MillenniumService::wire).toList()),
        v.millenniumVersion().wire(),
        v.timeZone().getId(),
        v.testPatientId(),
        json.writeValueAsString(discovery));
  }

  void updateDiscovery(long id, Discovery discovery, Instant now) {
    jdbc.sql(
            "UPDATE cerner_domain SET discovery = ?::jsonb, updated_at = ?, version = version + 1"
                + " WHERE id = ?")
        .params(json.writeValueAsString(discovery), Timestamp.from(now), id)
        .update();
  }

  void updateKey(long id, byte[] sealedPrivateKey, String keyId, String publicJwks, Instant now) {
    jdbc.sql(
            """
            UPDATE cerner_domain SET private_key = ?, key_id = ?, public_jwks = ?, updated_at = ?,
              version = version + 1
            WHERE id = ?
            """)
        .params(sealedPrivateKey, keyId, publicJwks, Timestamp.from(now), id)
        .update();
  }

  /** Takes the row lock so that concurrent edits of one domain run one after the other. */
  boolean lock(long id) {
    return jdbc.sql("SELECT id FROM cerner_domain WHERE id = ? FOR UPDATE")
        .param(id)
        .query(Long.class)
        .optional()
        .isPresent();
  }

  private static String[] array(List<String> values) {
    return values.toArray(String[]::new);
  }

  private CernerDomain map(ResultSet rs, int row) throws SQLException {
    String discovery = rs.getString("discovery");
    Set<MillenniumService> services = EnumSet.noneOf(MillenniumService.class);
    strings(rs.getArray("millennium_services"))
        .forEach(s -> MillenniumService.fromWire(s).ifPresent(services::add));
    return new CernerDomain(
        rs.getLong("id"),
        rs.getString("name"),
        rs.getString("fhir_root"),
        rs.getBoolean("enabled"),
        rs.getString("client_id"),
        ClientAuthMethod.fromWire(rs.getString("client_auth")).orElseThrow(),
        rs.getBoolean("secret_set"),
        rs.getString("key_id"),
        rs.getString("public_jwks"),
        strings(rs.getArray("scopes")),
        rs.getString("smart_client_id"),
        rs.getBoolean("smart_secret_set"),
        strings(rs.getArray("smart_scopes")),
        rs.getString("millennium_base_url"),
        services,
        MillenniumVersion.fromWire(rs.getString("millennium_version")).orElseThrow(),
        ZoneId.of(rs.getString("time_zone")),
        rs.getString("test_patient_id"),
        discovery == null ? Discovery.none() : json.readValue(discovery, Discovery.class),
        rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("updated_at").toInstant(),
        rs.getInt("version"));
  }

  private static List<String> strings(Array array) throws SQLException {
    if (array == null) {
      return List.of();
    }
    List<String> values = new ArrayList<>();
    for (Object value : (Object[]) array.getArray()) {
      values.add((String) value);
    }
    return values;
  }
}
