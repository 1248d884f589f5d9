package com.practicestudio.patients;

import com.practicestudio.contact.Address;
import com.practicestudio.contact.Phone;
import com.practicestudio.security.crypto.Crypto;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The patient table. Identifiers and coverages live in {@link PatientChildRepository}. */
@Repository
class PatientRepository {

  static final String SSN_CONTEXT = "patient.ssn";

  /** How much of the SSN a loaded patient carries. */
  enum SsnPolicy {
    /** Neither the SSN nor its last four digits (users not allowed PHI). */
    NONE,
    /** The last four digits only (internal callers). */
    LAST4,
    /** The SSN itself (audited reads by users allowed PHI). */
    FULL
  }

  /** The writable columns and the parameters {@link #bind} gives them. */
  private static final Map<String, String> COLUMNS = columns();

  private static Map<String, String> columns() {
    Map<String, String> c = new LinkedHashMap<>();
    for (String pair :
        """
        external_id externalId, mrn mrn, first_name firstName, middle_name middleName,
        last_name lastName, name_suffix nameSuffix, date_of_birth dateOfBirth, gender gender,
        ssn ssn, ssn_last4 ssnLast4, address_line1 line1, address_line2 line2, city city,
        state state, postal_code postalCode, country country,
        phone_home phoneHome, phone_home_extension phoneHomeExt, phone_home_valid phoneHomeValid,
        phone_mobile phoneMobile, phone_mobile_extension phoneMobileExt,
        phone_mobile_valid phoneMobileValid, phone_work phoneWork,
        phone_work_extension phoneWorkExt, phone_work_valid phoneWorkValid, email email,
        preferred_language language, race race, ethnicity ethnicity,
        marital_status maritalStatus, deceased_date deceasedDate,
        primary_provider_id primaryProviderId, active active, updated_at now
        """
            .split(",")) {
      String[] columnAndParam = pair.strip().split("\\s+");
      c.put(columnAndParam[0], columnAndParam[1]);
    }
    return Collections.unmodifiableMap(c);
  }

  private static final String INSERT =
      "INSERT INTO patient ("
          + String.join(", ", COLUMNS.keySet())
          + ", created_at) VALUES ("
          + COLUMNS.values().stream().map(p -> ":" + p).collect(Collectors.joining(", "))
          + ", :now) RETURNING id";

  private static final String UPDATE =
      "UPDATE patient SET "
          + COLUMNS.entrySet().stream()
              .map(e -> e.getKey() + " = :" + e.getValue())
              .collect(Collectors.joining(", "))
          + ", version = version + 1 WHERE id = :id";

  private final JdbcClient jdbc;
  private final Crypto crypto;
  private final PatientChildRepository children;

  PatientRepository(JdbcClient jdbc, Crypto crypto, PatientChildRepository children) {
    this.jdbc = jdbc;
    this.crypto = crypto;
    this.children = children;
  }

  long insert(PatientData d, Instant now) {
    long id = bind(jdbc.sql(INSERT), d, now).query(Long.class).single();
    children.insert(id, d.identifiers(), d.coverages(), now);
    return id;
  }

  /** Stores {@code d} over {@code before} (the stored fields, in canonical order). */
  void update(long id, PatientData before, PatientData d, Instant now) {
    bind(jdbc.sql(UPDATE), d, now).param("id", id).update();
    children.replace(id, before, d, now);
  }

  /** Locks the row for the rest of the transaction; answers its version, empty when none. */
  Optional<Integer> lock(long id) {
    return jdbc.sql("SELECT version FROM patient WHERE id = ? FOR UPDATE")
        .param(id)
        .query(Integer.class)
        .optional();
  }

  Optional<Patient> find(long id, SsnPolicy ssn) {
    List<PatientIdentifier> identifiers = children.identifiers(id);
    List<Coverage> coverages = children.coverages(id);
    return jdbc.sql("SELECT * FROM patient WHERE id = ?")
        .param(id)
        .query((rs, n) -> map(rs, ssn, Map.of(id, identifiers), Map.of(id, coverages)))
        .optional();
  }

  /** The patients with these ids, in the order given (one index lookup per id). */
  List<Patient> load(List<Long> ids, SsnPolicy ssn) {
    if (ids.isEmpty()) {
      return List.of();
    }
    Long[] array = ids.toArray(Long[]::new);
    Map<Long, List<PatientIdentifier>> identifiers = children.identifiers(array);
    Map<Long, List<Coverage>> coverages = children.coverages(array);
    Map<Long, Patient> byId = new HashMap<>();
    jdbc.sql(
            "SELECT p.* FROM unnest(?::bigint[]) AS k(id)"
                + " CROSS JOIN LATERAL (SELECT * FROM patient WHERE id = k.id OFFSET 0) p")
        .param(array)
        .query((rs, n) -> map(rs, ssn, identifiers, coverages))
        .list()
        .forEach(p -> byId.put(p.id(), p));
    return ids.stream().map(byId::get).filter(p -> p != null).toList();
  }

  /** The stored SSN, opened (nine digits); empty when none. */
  Optional<String> ssn(long id) {
    return ssn(id, false);
  }

  /**
   * The stored SSN, opened (nine digits); empty when none. With {@code lock} the row is also locked
   * for the rest of the transaction, whether it has an SSN or not: one round trip where an update
   * needs both.
   */
  Optional<String> ssn(long id, boolean lock) {
    return jdbc.sql("SELECT ssn FROM patient WHERE id = ?" + (lock ? " FOR UPDATE" : ""))
        .param(id)
        .query((rs, n) -> Optional.ofNullable(rs.getBytes(1)))
        .optional()
        .flatMap(Function.identity())
        .map(cipher -> crypto.openText(cipher, SSN_CONTEXT));
  }

  /**
   * Locks these rows, in id order, for the rest of the transaction and answers each one's stored
   * SSN, opened (null when it has none): {@link #ssn(long, boolean)} for a group at once.
   */
  Map<Long, String> lockAndReadSsns(Long[] ids) {
    Map<Long, String> ssns = new HashMap<>();
    jdbc.sql("SELECT id, ssn FROM patient WHERE id = ANY(?) ORDER BY id FOR UPDATE")
        .param(ids)
        .query(
            (rs, n) -> {
              byte[] cipher = rs.getBytes(2);
              ssns.put(rs.getLong(1), cipher == null ? null : crypto.openText(cipher, SSN_CONTEXT));
              return null;
            })
        .list();
    return ssns;
  }

  /**
   * The primary MRNs of the records merged into each of these survivors, for {@link
   * #mergedRecordHasMrn} asked of many at once; survivors without any are left out.
   */
  Map<Long, Set<String>> mergedRecordMrns(Long[] survivorIds) {
    Map<Long, Set<String>> mrns = new HashMap<>();
    jdbc.sql(
            "SELECT merged_into_id, mrn FROM patient"
                + " WHERE merged_into_id = ANY(?) AND mrn IS NOT NULL")
        .param(survivorIds)
        .query(
            (rs, n) ->
                mrns.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getString(2)))
        .list();
    return mrns;
  }

  /** The patient holding this external id (merged or not). */
  Optional<Long> holderOfExternalId(String externalId) {
    return jdbc.sql("SELECT id FROM patient WHERE external_id = ?")
        .param(externalId)
        .query(Long.class)
        .optional();
  }

  /** Survivors of the patients whose primary MRN this is (any assigning authority). */
  List<Long> survivorsByPrimaryMrn(String mrn) {
    return jdbc.sql("SELECT DISTINCT coalesce(merged_into_id, id) FROM patient WHERE mrn = ?")
        .param(mrn)
        .query(Long.class)
        .list();
  }

  /** The patient's primary MRN; null when it has none or there is no such patient. */
  String primaryMrn(long id) {
    List<String> mrn =
        jdbc.sql("SELECT mrn FROM patient WHERE id = ?")
            .param(id)
            .query((rs, n) -> rs.getString(1))
            .list();
    return mrn.isEmpty() ? null : mrn.get(0);
  }

  /** Whether a record merged into this survivor had this primary MRN. */
  boolean mergedRecordHasMrn(String mrn, long survivorId) {
    return jdbc.sql("SELECT count(*) FROM patient WHERE mrn = ? AND merged_into_id = ?")
            .params(mrn, survivorId)
            .query(Long.class)
            .single()
        > 0;
  }

  /** Ids of one page of a search; see {@link PatientSearchSql}. */
  List<Long> search(PatientSearchSql query) {
    return jdbc.sql(query.sql()).params(query.params()).query(Long.class).list();
  }

  private JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, PatientData d, Instant now) {
    Address a = d.address() == null ? new Address(null, null, null, null, null, null) : d.address();
    return spec.param("externalId", d.externalId())
        .param("mrn", d.mrn())
        .param("firstName", d.firstName())
        .param("middleName", d.middleName())
        .param("lastName", d.lastName())
        .param("nameSuffix", d.nameSuffix())
        .param("dateOfBirth", d.dateOfBirth())
        .param("gender", d.gender())
        .param("ssn", d.ssn() == null ? null : crypto.sealText(d.ssn(), SSN_CONTEXT))
        .param("ssnLast4", d.ssnLast4())
        .param("line1", a.line1())
        .param("line2", a.line2())
        .param("city", a.city())
        .param("state", a.state())
        .param("postalCode", a.postalCode())
        .param("country", a.country())
        .param("phoneHome", value(d.phoneHome()))
        .param("phoneHomeExt", extension(d.phoneHome()))
        .param("phoneHomeValid", valid(d.phoneHome()))
        .param("phoneMobile", value(d.phoneMobile()))
        .param("phoneMobileExt", extension(d.phoneMobile()))
        .param("phoneMobileValid", valid(d.phoneMobile()))
        .param("phoneWork", value(d.phoneWork()))
        .param("phoneWorkExt", extension(d.phoneWork()))
        .param("phoneWorkValid", valid(d.phoneWork()))
        .param("email", d.email())
        .param("language", d.preferredLanguage())
        .param("race", d.race())
        .param("ethnicity", d.ethnicity())
        .param("maritalStatus", d.maritalStatus())
        .param("deceasedDate", d.deceasedDate())
        .param("primaryProviderId", d.primaryProviderId())
        .param("active", d.active())
        .param("now", Timestamp.from(now));
  }

  private Patient map(
      ResultSet rs,
      SsnPolicy policy,
      Map<Long, List<PatientIdentifier>> identifiers,
      Map<Long, List<Coverage>> coverages)
      throws SQLException {
    long id = rs.getLong("id");
    byte[] sealed = rs.getBytes("ssn");
    String ssn = null;
    if (policy == SsnPolicy.FULL && sealed != null) {
      String digits = crypto.openText(sealed, SSN_CONTEXT);
      ssn = digits.substring(0, 3) + "-" + digits.substring(3, 5) + "-" + digits.substring(5);
    }
    long merged = rs.getLong("merged_into_id");
    long provider = rs.getLong("primary_provider_id");
    boolean noProvider = rs.wasNull();
    return new Patient(
        id,
        rs.getString("external_id"),
        rs.getString("mrn"),
        identifiers.getOrDefault(id, List.of()),
        rs.getString("first_name"),
        rs.getString("middle_name"),
        rs.getString("last_name"),
        rs.getString("name_suffix"),
        date(rs, "date_of_birth"),
        rs.getString("gender"),
        ssn,
        policy == SsnPolicy.NONE ? null : rs.getString("ssn_last4"),
        address(rs),
        rs.getString("phone_home"),
        rs.getString("phone_home_extension"),
        rs.getBoolean("phone_home_valid"),
        rs.getString("phone_mobile"),
        rs.getString("phone_mobile_extension"),
        rs.getBoolean("phone_mobile_valid"),
        rs.getString("phone_work"),
        rs.getString("phone_work_extension"),
        rs.getBoolean("phone_work_valid"),
        rs.getString("email"),
        rs.getString("preferred_language"),
        rs.getString("race"),
        rs.getString("ethnicity"),
        rs.getString("marital_status"),
        date(rs, "deceased_date"),
        noProvider ? null : provider,
        rs.getBoolean("active"),
        merged == 0 ? null : merged,
        coverages.getOrDefault(id, List.of()),
        rs.getInt("version"),
        rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("updated_at").toInstant());
  }

  private static Address address(ResultSet rs) throws SQLException {
    return new Address(
            rs.getString("address_line1"),
            rs.getString("address_line2"),
            rs.getString("city"),
            rs.getString("state"),
            rs.getString("postal_code"),
            rs.getString("country"))
        .trimmed();
  }

  static LocalDate date(ResultSet rs, String column) throws SQLException {
    return rs.getObject(column, LocalDate.class);
  }

  private static String value(Phone p) {
    return p == null ? null : p.value();
  }

  private static String extension(Phone p) {
    return p == null ? null : p.extension();
  }

  private static boolean valid(Phone p) {
    return p == null || p.valid();
  }
}
