package com.practicestudio.sandbox.ccl;

import com.practicestudio.sandbox.data.SandboxData;
import java.time.Clock;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One run of a query: the tables as they are now (each built on first use), the code values, the
 * clock and the bound parameters (names in lower case, without {@code $}).
 */
final class RunContext {

  private final CodeValueRows codes;
  private final TableRows rows;
  private final Clock clock;
  private final Map<String, Object> parameters;
  private final Map<String, Table> tables = new HashMap<>();

  RunContext(SandboxData data, Clock clock, Map<String, Object> parameters) {
    this.codes = new CodeValueRows(data);
    this.rows = new TableRows(data, codes);
    this.clock = clock;
    this.parameters = new HashMap<>();
    parameters.forEach((name, value) -> this.parameters.put(normalName(name), value));
  }

  /** A parameter's name as the parser gives it: lower case, without the {@code $}. */
  static String normalName(String name) {
    String bare = name.startsWith("$") ? name.substring(1) : name;
    return bare.toLowerCase(Locale.ROOT);
  }

  Table table(String name) {
    return tables.computeIfAbsent(name, n -> new Table(MillenniumTables.ALL.get(n), rows.rows(n)));
  }

  CodeValueRows codes() {
    return codes;
  }

  Clock clock() {
    return clock;
  }

  boolean hasParameter(String name) {
    return parameters.containsKey(name);
  }

  Object parameter(String name) {
    return parameters.get(name);
  }
}
