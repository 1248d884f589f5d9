package com.practicestudio.security.audit;

import com.practicestudio.security.Permission;
import com.practicestudio.web.NavEntry;
import com.practicestudio.web.Page;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.springframework.context.annotation.Bean;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
@RequestMapping("/audit")
@PreAuthorize("hasAuthority('AUDIT_READ')")
class AuditConsoleController {

  private final AuditLog audit;

  AuditConsoleController(AuditLog audit) {
    this.audit = audit;
  }

  @Bean
  static NavEntry auditNav() {
    return new NavEntry(NavEntry.ADMINISTRATION, "Audit", "/audit", 30, Permission.AUDIT_READ);
  }

  @GetMapping
  String search(
      @RequestParam(required = false) String actor,
      @RequestParam(required = false) AuditAction action,
      @RequestParam(required = false) String targetType,
      @RequestParam(required = false) String targetId,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) String cursor,
      Model model) {
    Instant fromInstant = from == null ? null : from.atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant toInstant = to == null ? null : to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    Page<AuditEvent> page =
        audit.search(
            new AuditLog.AuditQuery(actor, action, targetType, targetId, fromInstant, toInstant),
            Page.DEFAULT_LIMIT,
            cursor);
    model.addAttribute("page", page);
    model.addAttribute("actions", AuditAction.values());
    return "audit/list";
  }
}
