package com.practicestudio.journal;

import java.util.List;

/**
 * One change an application makes or would make, for dry runs: the record and the names of the
 * fields, never their values (they may be PHI).
 *
 * @param entity e.g. {@code patient}, {@code appointment}, {@code Appointment} (remote)
 * @param entityId local id, business id or {@code null} for a record yet to be created
 * @param fields changed field names
 */
public record Change(Kind kind, String entity, String entityId, List<String> fields) {

  public enum Kind {
    CREATE,
    UPDATE,
    DELETE,
    SEND
  }

  public Change {
    fields = fields == null ? List.of() : List.copyOf(fields);
  }

  public static Change create(String entity, String entityId, List<String> fields) {
    return new Change(Kind.CREATE, entity, entityId, fields);
  }

  public static Change update(String entity, String entityId, List<String> fields) {
    return new Change(Kind.UPDATE, entity, entityId, fields);
  }

  public static Change delete(String entity, String entityId) {
    return new Change(Kind.DELETE, entity, entityId, List.of());
  }

  public static Change send(String entity, String entityId) {
    return new Change(Kind.SEND, entity, entityId, List.of());
  }
}
