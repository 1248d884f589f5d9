package com.practicestudio.security;

/**
 * What a role may do. Controllers check permissions, never role names, so that the role table in
 * {@link Role} is the one place that grants them. Use with {@code hasAuthority('SETTINGS_WRITE')}.
 */
public enum Permission {
  /** Read Practice Studio records and the journal's metadata. */
  RECORDS_READ,
  /** Create and change Practice Studio records. */
  RECORDS_WRITE,
  /** Read SSNs and message payloads (PHI beyond demographics). */
  PHI_READ,
  /** Change integration settings. */
  SETTINGS_WRITE,
  /** Change code maps and rules. */
  MAPPINGS_WRITE,
  /** Reprocess journal rows. */
  REPROCESS,
  /** Discard journal rows. */
  DISCARD,
  /** Manage users. */
  USERS_MANAGE,
  /** Read the audit trail. */
  AUDIT_READ;

  public static final String PREFIX = "";
}
