package com.practicestudio.sandbox.ccl;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A CCL reply in the shape Millennium services answer: {@code status_data.status} is {@code S}
 * (rows found), {@code Z} (zero rows) or {@code F} (failed), with one {@code subeventstatus} entry
 * saying what ran or what went wrong; then the columns and rows. A failure also carries {@code
 * error} with its kind and, for a problem in the text, its line and column.
 */
public record CclReply(
    String status,
    SubEventStatus subEventStatus,
    List<Column> columns,
    List<List<Object>> rows,
    Error error) {

  /** One {@code subeventstatus} entry. */
  public record SubEventStatus(
      String operationName,
      String operationStatus,
      String targetObjectName,
      String targetObjectValue) {}

  public record Column(String name, String type) {}

  /** What failed: the kind ({@code SYNTAX}, {@code UNSUPPORTED}, ...), where, and why. */
  public record Error(String kind, Integer line, Integer column, String message) {}

  public CclReply {
    columns = List.copyOf(columns);
    rows = List.copyOf(rows);
  }

  static CclReply success(String target, CclResult result) {
    String status = result.rows().isEmpty() ? "Z" : "S";
    int count = result.rows().size();
    List<Column> columns =
        result.columns().stream().map(c -> new Column(c.name(), c.type().name())).toList();
    return new CclReply(
        status,
        new SubEventStatus("SELECT", status, target, count + (count == 1 ? " row" : " rows")),
        columns,
        result.rows(),
        null);
  }

  static CclReply failure(String target, CclException e) {
    Pos pos = e.pos();
    String where = pos == null ? target : target + " " + pos;
    return new CclReply(
        "F",
        new SubEventStatus(e.kind().name(), "F", where, e.getMessage()),
        List.of(),
        List.of(),
        new Error(
            e.kind().name(),
            pos == null ? null : pos.line(),
            pos == null ? null : pos.column(),
            e.detail()));
  }

  /** Whether it failed. */
  public boolean failed() {
    return "F".equals(status);
  }

  /** The reply as JSON-ready maps and lists (numbers whole where whole, date-times ISO-8601). */
  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    Map<String, Object> sub = new LinkedHashMap<>();
    sub.put("OperationName", subEventStatus.operationName());
    sub.put("OperationStatus", subEventStatus.operationStatus());
    sub.put("TargetObjectName", subEventStatus.targetObjectName());
    sub.put("TargetObjectValue", subEventStatus.targetObjectValue());
    Map<String, Object> statusData = new LinkedHashMap<>();
    statusData.put("status", status);
    statusData.put("subeventstatus", List.of(sub));
    json.put("status_data", statusData);
    json.put("columns", columns);
    List<List<Object>> values = new ArrayList<>();
    for (List<Object> row : rows) {
      values.add(row.stream().map(CclReply::jsonValue).toList());
    }
    json.put("rows", values);
    json.put("curqual", rows.size());
    if (error != null) {
      json.put("error", error);
    }
    return json;
  }

  private static Object jsonValue(Object value) {
    if (value instanceof Double number && Values.isWhole(number)) {
      return number.longValue();
    }
    if (value instanceof Instant at) {
      return CclDates.iso(at);
    }
    return value;
  }
}
