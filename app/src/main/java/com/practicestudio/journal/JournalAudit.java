package com.practicestudio.journal;

import com.practicestudio.security.audit.AuditAction;
import java.util.Map;

/** Where the journal's operator actions and payload reads are audited (the audit trail). */
@FunctionalInterface
interface JournalAudit {

  /** Joins the caller's transaction. Details hold ids and flags, never PHI. */
  void record(AuditAction action, long exchangeId, Map<String, ?> detail);
}
