package com.practicestudio.clinical;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Counts the PHI-read audit rows of a patient made through one way in. */
final class PhiReads {

  private PhiReads() {}

  static long of(JdbcClient jdbc, long patientId, String via) {
    return jdbc.sql(
            "SELECT count(*) FROM audit_event WHERE action = 'PHI_READ' AND target_type = 'patient'"
                + " AND target_id = ? AND detail ->> 'via' = ?")
        .params(Long.toString(patientId), via)
        .query(Long.class)
        .single();
  }
}
