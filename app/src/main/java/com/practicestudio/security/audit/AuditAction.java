package com.practicestudio.security.audit;

/** Audited actions. Names are stable: filters and reports use them. */
public enum AuditAction {
  LOGIN,
  LOGIN_FAILED,
  ACCOUNT_LOCKED,
  LOGOUT,
  PHI_READ,
  RECORD_CREATE,
  RECORD_UPDATE,
  RECORD_DELETE,
  SETTINGS_CHANGE,
  MAPPING_CHANGE,
  REPROCESS,
  DISCARD,
  USER_CREATE,
  USER_UPDATE,
  TOKEN_CREATE,
  TOKEN_REVOKE,
  KEY_ROTATE,
  EXPORT,
  /** A SMART on FHIR launch completed for a console user (Cerner domain as target). */
  SMART_LAUNCH,
  /** A connectivity test ran against a Cerner domain. */
  CONNECTIVITY_TEST
}
