package com.practicestudio.security.audit;

import java.time.Instant;
import java.util.Map;

/** One entry of the audit trail. */
public record AuditEvent(
    long id,
    Instant at,
    String actor,
    String action,
    String targetType,
    String targetId,
    String outcome,
    String remoteAddress,
    Map<String, Object> detail) {}
