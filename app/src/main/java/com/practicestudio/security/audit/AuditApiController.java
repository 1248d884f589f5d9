package com.practicestudio.security.audit;

import com.practicestudio.web.Page;
import java.time.Instant;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/audit")
@PreAuthorize("hasAuthority('AUDIT_READ')")
class AuditApiController {

  private final AuditLog audit;

  AuditApiController(AuditLog audit) {
    this.audit = audit;
  }

  @GetMapping
  Page<AuditEvent> search(
      @RequestParam(required = false) String actor,
      @RequestParam(required = false) AuditAction action,
      @RequestParam(required = false) String targetType,
      @RequestParam(required = false) String targetId,
      @RequestParam(required = false) Instant from,
      @RequestParam(required = false) Instant to,
      @RequestParam(required = false) Integer limit,
      @RequestParam(required = false) String cursor) {
    return audit.search(
        new AuditLog.AuditQuery(actor, action, targetType, targetId, from, to),
        Page.limit(limit),
        cursor);
  }
}
