package com.practicestudio.journal;

import java.util.List;

/** The WHERE conditions of an {@link ExchangeQuery}, with bound parameters only. */
final class ExchangeFilter {

  private ExchangeFilter() {}

  static void append(ExchangeQuery q, StringBuilder sql, List<Object> params) {
    if (q.channel() != null) {
      sql.append(" AND channel = ?");
      params.add(q.channel().name());
    }
    if (q.direction() != null) {
      sql.append(" AND direction = ?");
      params.add(q.direction().name());
    }
    if (notBlank(q.type())) {
      String type = q.type().trim();
      if (type.endsWith("*")) {
        sql.append(" AND message_type LIKE ? ESCAPE '\\'");
        params.add(escapeLike(type.substring(0, type.length() - 1)) + "%");
      } else {
        sql.append(" AND message_type = ?");
        params.add(type);
      }
    }
    if (q.status() != null) {
      sql.append(
          ExchangeStatus.EXCEPTIONAL.contains(q.status())
              ? " AND exceptional = ?"
              : " AND status = ?");
      params.add(q.status().name());
    }
    if (q.from() != null) {
      sql.append(" AND received_at >= ?");
      params.add(ExchangeRepository.ts(q.from()));
    }
    if (q.to() != null) {
      sql.append(" AND received_at < ?");
      params.add(ExchangeRepository.ts(q.to()));
    }
    if (notBlank(q.correlationKey())) {
      sql.append(" AND correlation_key = ?");
      params.add(q.correlationKey());
    }
    if (notBlank(q.sender())) {
      sql.append(" AND sender = ?");
      params.add(q.sender());
    }
    if (notBlank(q.messageId())) {
      sql.append(" AND message_id = ?");
      params.add(q.messageId().trim());
    }
  }

  static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  private static boolean notBlank(String s) {
    return s != null && !s.isBlank();
  }
}
