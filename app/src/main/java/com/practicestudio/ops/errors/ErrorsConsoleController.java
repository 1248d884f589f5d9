package com.practicestudio.ops.errors;

import com.practicestudio.journal.Channel;
import com.practicestudio.journal.Direction;
import com.practicestudio.journal.ExchangeJournal;
import com.practicestudio.journal.ExchangeStatus;
import com.practicestudio.journal.ReprocessResult;
import com.practicestudio.journal.Reprocessing;
import com.practicestudio.ops.logs.JournalFilterForm;
import com.practicestudio.security.Actor;
import com.practicestudio.security.Permission;
import com.practicestudio.web.ConflictException;
import com.practicestudio.web.InvalidRequestException;
import com.practicestudio.web.NavEntry;
import com.practicestudio.web.NotFoundException;
import com.practicestudio.web.Page;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Bean;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Error Management: the failed rows of every channel, reprocessed or discarded in bulk, with what
 * happened to each selected row reported on the page.
 *
 * <p>Bulk actions go row by row rather than all or nothing: the selected rows are independent
 * messages, and any of them may have been applied, requeued or discarded by a worker or another
 * operator since the page was drawn. An operator clearing a queue expects the rows that still
 * qualify to be handled and the others listed with why (as interface engines do), not one stale row
 * to block the batch and make them select it all again. A row that qualifies changes with its own
 * event and audit entry; a refused row is left as it was, so no row is ever half changed.
 */
@Controller
@RequestMapping("/errors")
@PreAuthorize("hasAuthority('RECORDS_READ')")
class ErrorsConsoleController {

  private final ExchangeJournal journal;
  private final Reprocessing reprocessing;

  ErrorsConsoleController(ExchangeJournal journal, Reprocessing reprocessing) {
    this.journal = journal;
    this.reprocessing = reprocessing;
  }

  @Bean
  static NavEntry errorsNav() {
    return new NavEntry(
        NavEntry.OPERATIONS, "Error Management", "/errors", 20, Permission.RECORDS_READ);
  }

  @GetMapping
  String list(
      @ModelAttribute("filter") JournalFilterForm filter,
      @RequestParam(required = false) String cursor,
      Model model) {
    model.addAttribute(
        "page",
        journal.search(
            filter.withStatus(ExchangeStatus.FAILED).query(), Page.DEFAULT_LIMIT, cursor));
    model.addAttribute("channels", Channel.values());
    model.addAttribute("directions", Direction.values());
    model.addAttribute("mayReprocess", Actor.can(Permission.REPROCESS));
    model.addAttribute("mayDiscard", Actor.can(Permission.DISCARD));
    return "ops/errors";
  }

  @PostMapping("/reprocess")
  @PreAuthorize("hasAuthority('REPROCESS')")
  String reprocess(
      @RequestParam(name = "id", required = false) List<Long> ids,
      @RequestParam(defaultValue = "false") boolean dryRun,
      RedirectAttributes redirect) {
    if (ids == null || ids.isEmpty()) {
      redirect.addFlashAttribute("error", "Choose the rows to reprocess.");
      return "redirect:/errors";
    }
    ReprocessResult result;
    try {
      result = reprocessing.reprocess(ids, dryRun);
    } catch (InvalidRequestException e) {
      redirect.addFlashAttribute("error", "Nothing reprocessed: " + problems(e) + ".");
      return "redirect:/errors";
    }
    Map<Long, RowOutcome> outcomes = new LinkedHashMap<>();
    result.requeued().forEach(id -> outcomes.put(id, RowOutcome.done(id, "put back in line")));
    result
        .dryRuns()
        .forEach(d -> outcomes.put(d.exchangeId(), RowOutcome.done(d.exchangeId(), "tried")));
    result.skipped().forEach(s -> outcomes.put(s.id(), RowOutcome.refused(s.id(), s.reason())));
    if (dryRun) {
      redirect.addFlashAttribute("dryRuns", result.dryRuns());
    } else {
      redirect.addFlashAttribute(
          "notice",
          result.requeued().size()
              + " put back in line"
              + (result.skipped().isEmpty() ? "." : ", " + result.skipped().size() + " refused."));
    }
    redirect.addFlashAttribute("outcomes", inSelectionOrder(ids, outcomes));
    return "redirect:/errors";
  }

  @PostMapping("/discard")
  @PreAuthorize("hasAuthority('DISCARD')")
  String discard(
      @RequestParam(name = "id", required = false) List<Long> ids,
      @RequestParam(required = false) String reason,
      RedirectAttributes redirect) {
    if (ids == null || ids.isEmpty()) {
      redirect.addFlashAttribute("error", "Choose the rows to discard.");
      return "redirect:/errors";
    }
    Map<Long, RowOutcome> outcomes = new LinkedHashMap<>();
    try {
      for (long id : new LinkedHashSet<>(ids)) {
        outcomes.put(id, discardOne(id, reason));
      }
    } catch (InvalidRequestException e) {
      // the reason is checked before any row is touched: a bad one stops the batch at its start
      redirect.addFlashAttribute("error", "Nothing discarded: " + problems(e) + ".");
      return "redirect:/errors";
    }
    long done = outcomes.values().stream().filter(RowOutcome::done).count();
    long refused = outcomes.size() - done;
    redirect.addFlashAttribute(
        "notice", done + " discarded" + (refused == 0 ? "." : ", " + refused + " refused."));
    redirect.addFlashAttribute("outcomes", inSelectionOrder(ids, outcomes));
    return "redirect:/errors";
  }

  private RowOutcome discardOne(long id, String reason) {
    try {
      reprocessing.discard(id, reason);
      return RowOutcome.done(id, "discarded");
    } catch (ConflictException | NotFoundException e) {
      return RowOutcome.refused(id, e.getMessage());
    }
  }

  private static List<RowOutcome> inSelectionOrder(List<Long> ids, Map<Long, RowOutcome> byId) {
    return new LinkedHashSet<>(ids).stream().map(byId::get).filter(Objects::nonNull).toList();
  }

  private static String problems(InvalidRequestException e) {
    return e.problems().stream()
        .map(p -> p.field() + " " + p.message())
        .collect(Collectors.joining("; "));
  }
}
