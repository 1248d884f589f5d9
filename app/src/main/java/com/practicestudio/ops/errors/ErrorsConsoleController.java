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
import com.practicestudio.web.InvalidRequestException;
import com.practicestudio.web.NavEntry;
import com.practicestudio.web.Page;
import java.util.List;
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

/** Error Management: the failed rows of every channel, reprocessed or discarded in bulk. */
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
    ReprocessResult result = reprocessing.reprocess(ids, dryRun);
    if (dryRun) {
      redirect.addFlashAttribute("dryRuns", result.dryRuns());
    } else {
      redirect.addFlashAttribute(
          "notice",
          result.requeued().size()
              + " put back in line"
              + (result.skipped().isEmpty() ? "." : ", " + result.skipped().size() + " skipped."));
    }
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
    try {
      ids.forEach(id -> reprocessing.discard(id, reason));
      redirect.addFlashAttribute("notice", ids.size() + " discarded.");
    } catch (InvalidRequestException e) {
      redirect.addFlashAttribute("error", "A reason " + e.problems().get(0).message() + ".");
    }
    return "redirect:/errors";
  }
}
