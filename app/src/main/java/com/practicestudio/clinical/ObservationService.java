package com.practicestudio.clinical;

import com.practicestudio.patients.RecordReferences;
import com.practicestudio.security.audit.AuditAction;
import com.practicestudio.security.audit.AuditLog;
import com.practicestudio.web.ConflictException;
import com.practicestudio.web.Cursor;
import com.practicestudio.web.FieldChecks;
import com.practicestudio.web.NotFoundException;
import com.practicestudio.web.Page;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Observations: create (publishing {@link ObservationCreated} in the transaction), replace, search,
 * and the Cerner status the FHIR feature reports back.
 */
@Service
public class ObservationService {

  /** FHIR observation-category codes. */
  public static final List<String> CATEGORIES =
      List.of(
          "vital-signs",
          "laboratory",
          "social-history",
          "imaging",
          "procedure",
          "survey",
          "exam",
          "therapy",
          "activity");

  /** FHIR R4 Observation status values. */
  public static final List<String> STATUSES =
      List.of(
          "registered",
          "preliminary",
          "final",
          "amended",
          "corrected",
          "cancelled",
          "entered-in-error",
          "unknown");

  /** What Cerner's Observation create accepts. */
  static final List<String> CERNER_CATEGORIES = List.of("vital-signs", "laboratory");

  static final List<String> CERNER_STATUSES = List.of("final", "amended", "corrected");

  private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)");

  private final ObservationRepository observations;
  private final RecordReferences references;
  private final ApplicationEventPublisher events;
  private final AuditLog audit;
  private final Clock clock;

  ObservationService(
      ObservationRepository observations,
      RecordReferences references,
      ApplicationEventPublisher events,
      AuditLog audit,
      Clock clock) {
    this.observations = observations;
    this.references = references;
    this.events = events;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional
  public Observation create(ObservationDraft draft) {
    ObservationDraft checked = check(draft, Boolean.TRUE.equals(draft.sendToCerner()));
    long id = observations.insert(checked, numeric(checked.value()), clock.instant());
    Observation created = byId(id);
    audit.record(
        AuditAction.RECORD_CREATE,
        "observation",
        id,
        Map.of("patientId", created.patientId(), "sendToCerner", created.sendToCerner()));
    events.publishEvent(new ObservationCreated(created));
    return created;
  }

  /** Replaces the observation; {@code sendToCerner} keeps its value from the create. */
  @Transactional
  public Observation update(long id, ObservationDraft draft) {
    Observation current = byId(id);
    if (draft.version() != null && draft.version() != current.version()) {
      throw new ConflictException(
          "observation " + id + " is at version " + current.version() + ", not " + draft.version());
    }
    ObservationDraft checked = check(draft, current.sendToCerner());
    if (!observations.update(
        id, checked, numeric(checked.value()), current.version(), clock.instant())) {
      throw new ConflictException("observation " + id + " changed meanwhile");
    }
    audit.record(
        AuditAction.RECORD_UPDATE, "observation", id, Map.of("patientId", checked.patientId()));
    return byId(id);
  }

  /**
   * For the Cerner FHIR feature: how the write to Cerner went, and the Cerner id once known (null
   * keeps the current external id).
   */
  @Transactional
  public void recordCernerStatus(long id, String cernerStatus, String externalId) {
    if (!observations.recordCernerStatus(id, cernerStatus, externalId, clock.instant())) {
      throw new NotFoundException("observation", id);
    }
  }

  public Observation byId(long id) {
    return observations.find(id).orElseThrow(() -> new NotFoundException("observation", id));
  }

  /** By id, ascending. */
  public Page<Observation> search(ObservationQuery query, int limit, String cursor) {
    FieldChecks checks = new FieldChecks();
    checks.oneOf("category", query.category(), CATEGORIES);
    if (query.from() != null && query.to() != null) {
      checks.check(query.to().isAfter(query.from()), "to", "must be after from");
    }
    checks.throwIfAny();
    return Cursor.page(
        observations.search(query, cursor, limit + 1), limit, o -> Long.toString(o.id()));
  }

  /** The value as a number when it is one ({@code 7.2}, {@code -1}); null for {@code <5}, text. */
  static BigDecimal numeric(String value) {
    return value != null && NUMBER.matcher(value).matches() ? new BigDecimal(value) : null;
  }

  private ObservationDraft check(ObservationDraft d, boolean toCerner) {
    FieldChecks checks = new FieldChecks();
    checks.required("patientId", d.patientId());
    references.patient(checks, "patientId", d.patientId());
    references.ownedBy(checks, "encounterId", "encounter", d.encounterId(), d.patientId());
    references.provider(checks, "performerId", d.performerId());
    checks.required("category", d.category());
    String category = checks.oneOf("category", d.category(), CATEGORIES);
    checks.required("status", d.status());
    String status = checks.oneOf("status", d.status(), STATUSES);
    String codeSystem = checks.text("codeSystem", d.codeSystem(), 200);
    codeSystem = codeSystem == null ? Loinc.SYSTEM : codeSystem;
    String code = checks.requiredText("code", d.code(), 100);
    if (code != null && Loinc.isLoincSystem(codeSystem) && !Loinc.isValid(code)) {
      checks.problem("code", "is not a valid LOINC code (number-check digit)");
    }
    checks.required("effectiveTime", d.effectiveTime());
    if (toCerner) {
      checks.check(
          category == null || CERNER_CATEGORIES.contains(category),
          "category",
          "must be vital-signs or laboratory to send to Cerner");
      checks.check(
          status == null || CERNER_STATUSES.contains(status),
          "status",
          "must be final, amended or corrected to send to Cerner");
    }
    ObservationDraft checked =
        new ObservationDraft(
            checks.text("externalId", d.externalId(), 200),
            d.patientId(),
            d.encounterId(),
            category,
            code,
            codeSystem,
            checks.text("display", d.display(), 500),
            checks.text("value", d.value(), 10_000),
            checks.text("unit", d.unit(), 50),
            checks.text("referenceRange", d.referenceRange(), 200),
            checks.text("abnormalFlag", d.abnormalFlag(), 10),
            status,
            d.effectiveTime(),
            d.issuedTime(),
            d.performerId(),
            checks.text("notes", d.notes(), 10_000),
            checks.text("orderId", d.orderId(), 100),
            checks.text("accession", d.accession(), 100),
            d.sendToCerner(),
            null);
    checks.throwIfAny();
    return checked;
  }
}
