package com.practicestudio.scheduling;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * A test listener that behaves like the outbound features will: on an {@link AppointmentChanged} of
 * a watched patient it writes a row ({@code audit_event}, action {@code TEST_EVENT}) in the
 * publisher's transaction; for notes {@code probe:fail} it throws, as a failing listener would.
 * Unwatched patients are left alone, so other tests see no difference.
 */
@Component
public class EventProbe {

  public static final String FAIL = "probe:fail";

  private final Set<Long> watched = ConcurrentHashMap.newKeySet();
  private final JdbcClient jdbc;
  private final JsonMapper json;

  EventProbe(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  public void watch(long patientId) {
    watched.add(patientId);
  }

  @EventListener
  void on(AppointmentChanged event) {
    if (!watched.contains(event.after().patientId())) {
      return;
    }
    if (FAIL.equals(event.after().notes())) {
      throw new IllegalStateException("probe listener fails on purpose");
    }
    write(
        "appointment",
        event.appointmentId(),
        Map.of(
            "kind", event.kind().name(),
            "before", event.before() == null ? "" : event.before().status().code(),
            "after", event.after().status().code()));
  }

  /** Writes one probe row in the current transaction. */
  public void write(String targetType, long targetId, Map<String, ?> detail) {
    jdbc.sql(
            "INSERT INTO audit_event (actor, action, target_type, target_id, detail)"
                + " VALUES ('event-probe', 'TEST_EVENT', ?, ?, ?::jsonb)")
        .params(targetType, Long.toString(targetId), json.writeValueAsString(detail))
        .update();
  }

  public boolean watches(long patientId) {
    return watched.contains(patientId);
  }

  /** The probe rows written for a record, oldest first, as their detail JSON. */
  public java.util.List<String> rows(String targetType, long targetId) {
    return jdbc.sql(
            "SELECT detail::text FROM audit_event WHERE action = 'TEST_EVENT'"
                + " AND target_type = ? AND target_id = ? ORDER BY id")
        .params(targetType, Long.toString(targetId))
        .query(String.class)
        .list();
  }
}
