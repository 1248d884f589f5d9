package com.practicestudio.ops.logs;

import com.practicestudio.journal.Channel;
import com.practicestudio.journal.Direction;
import com.practicestudio.journal.Exchange;
import com.practicestudio.journal.ExchangeJournal;
import com.practicestudio.journal.ExchangeStatus;
import com.practicestudio.security.Permission;
import com.practicestudio.security.audit.AuditAction;
import com.practicestudio.security.audit.AuditLog;
import com.practicestudio.web.NavEntry;
import com.practicestudio.web.Page;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.context.annotation.Bean;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Logs: the journal's traffic, filtered, paged and exportable as CSV (metadata, no payloads). */
@Controller
@RequestMapping("/logs")
@PreAuthorize("hasAuthority('RECORDS_READ')")
class LogsConsoleController {

  /** The most rows one CSV export writes; narrow the filter for more. */
  static final int EXPORT_LIMIT = 100_000;

  private static final int EXPORT_PAGE = 500;

  private final ExchangeJournal journal;
  private final AuditLog audit;

  LogsConsoleController(ExchangeJournal journal, AuditLog audit) {
    this.journal = journal;
    this.audit = audit;
  }

  @Bean
  static NavEntry logsNav() {
    return new NavEntry(NavEntry.OPERATIONS, "Logs", "/logs", 10, Permission.RECORDS_READ);
  }

  @ModelAttribute
  void choices(Model model) {
    model.addAttribute("channels", Channel.values());
    model.addAttribute("directions", Direction.values());
    model.addAttribute("statuses", ExchangeStatus.values());
  }

  @GetMapping
  String list(
      @ModelAttribute("filter") JournalFilterForm filter,
      @RequestParam(required = false) String cursor,
      Model model) {
    model.addAttribute("page", journal.search(filter.query(), Page.DEFAULT_LIMIT, cursor));
    return "ops/logs";
  }

  @GetMapping("/export")
  void export(@ModelAttribute JournalFilterForm filter, HttpServletResponse response)
      throws IOException {
    response.setContentType("text/csv;charset=UTF-8");
    response.setHeader("Content-Disposition", "attachment; filename=\"journal.csv\"");
    int written = 0;
    try (Writer out = response.getWriter();
        CSVPrinter csv =
            CSVFormat.DEFAULT
                .builder()
                .setHeader(
                    "id",
                    "receivedAt",
                    "channel",
                    "direction",
                    "type",
                    "sender",
                    "messageId",
                    "correlationKey",
                    "endpoint",
                    "status",
                    "attempts",
                    "errorCode",
                    "errorText",
                    "completedAt",
                    "payloadBytes")
                .get()
                .print(out)) {
      String cursor = null;
      do {
        Page<Exchange> page = journal.search(filter.query(), EXPORT_PAGE, cursor);
        for (Exchange e : page.items()) {
          csv.printRecord(
              e.id(),
              e.receivedAt(),
              e.channel(),
              e.direction(),
              e.messageType(),
              e.sender(),
              e.messageId(),
              e.correlationKey(),
              e.endpoint(),
              e.status(),
              e.attempts(),
              e.errorCode(),
              e.errorText(),
              e.completedAt(),
              e.payloadSize());
          written++;
        }
        cursor = page.next();
      } while (cursor != null && written < EXPORT_LIMIT);
    }
    Map<String, Object> detail = new HashMap<>();
    detail.put("what", "journal.csv");
    detail.put("rows", written);
    audit.record(AuditAction.EXPORT, "exchange", null, detail);
  }
}
