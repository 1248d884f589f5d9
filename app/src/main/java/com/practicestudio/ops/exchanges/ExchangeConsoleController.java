package com.practicestudio.ops.exchanges;

import com.practicestudio.journal.DryRunReport;
import com.practicestudio.journal.Exchange;
import com.practicestudio.journal.ExchangeJournal;
import com.practicestudio.journal.Payload;
import com.practicestudio.journal.Reprocessing;
import com.practicestudio.ops.PayloadRenderer;
import com.practicestudio.security.Actor;
import com.practicestudio.security.Permission;
import com.practicestudio.web.ConflictException;
import com.practicestudio.web.InvalidRequestException;
import com.practicestudio.web.NotFoundException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One journal row: its history, its payload (raw and parsed, for roles allowed PHI — each view
 * audited), and the operator's actions: reprocess (or try it as a dry run) and discard.
 */
@Controller
@RequestMapping("/exchanges")
@PreAuthorize("hasAuthority('RECORDS_READ')")
class ExchangeConsoleController {

  private final ExchangeJournal journal;
  private final Reprocessing reprocessing;
  private final List<PayloadRenderer> renderers;

  ExchangeConsoleController(
      ExchangeJournal journal, Reprocessing reprocessing, List<PayloadRenderer> renderers) {
    this.journal = journal;
    this.reprocessing = reprocessing;
    this.renderers = renderers;
  }

  @GetMapping("/{id}")
  String detail(
      @PathVariable long id,
      @RequestParam(defaultValue = "false") boolean showPayload,
      Model model) {
    Exchange exchange = journal.find(id).orElseThrow(() -> new NotFoundException("exchange", id));
    model.addAttribute("exchange", exchange);
    model.addAttribute("events", journal.events(id));
    model.addAttribute("hold", journal.hold(exchange));
    boolean mayReadPayload = Actor.can(Permission.PHI_READ);
    model.addAttribute("mayReadPayload", mayReadPayload);
    model.addAttribute("mayReprocess", Actor.can(Permission.REPROCESS));
    model.addAttribute("mayDiscard", Actor.can(Permission.DISCARD));
    if (showPayload && mayReadPayload) {
      Optional<Payload> payload = journal.readPayload(id, "console");
      payload.ifPresent(
          p -> {
            model.addAttribute(
                "payloadText",
                // HL7 v2 ends segments with a bare CR, which a browser would not break on
                p.textual() ? p.text().replace("\r\n", "\n").replace('\r', '\n') : null);
            model.addAttribute("payloadBytes", p.size());
            model.addAttribute(
                "parsed",
                renderers.stream()
                    .map(r -> r.render(exchange, p).orElse(null))
                    .filter(Objects::nonNull)
                    .findFirst()
                    .orElse(null));
          });
    }
    return "ops/exchange";
  }

  @PostMapping("/{id}/reprocess")
  @PreAuthorize("hasAuthority('REPROCESS')")
  String reprocess(
      @PathVariable long id,
      @RequestParam(defaultValue = "false") boolean dryRun,
      RedirectAttributes redirect) {
    try {
      if (dryRun) {
        DryRunReport report = reprocessing.dryRun(id);
        redirect.addFlashAttribute("dryRun", report);
      } else {
        reprocessing.requeue(id);
        redirect.addFlashAttribute("notice", "Put back in line; a worker applies it shortly.");
      }
    } catch (ConflictException e) {
      // the row's status changed since the page was drawn (or never qualified): say so on the page
      redirect.addFlashAttribute("error", "Not reprocessed: " + e.getMessage() + ".");
    }
    return "redirect:/exchanges/" + id;
  }

  @PostMapping("/{id}/discard")
  @PreAuthorize("hasAuthority('DISCARD')")
  String discard(@PathVariable long id, @RequestParam String reason, RedirectAttributes redirect) {
    try {
      reprocessing.discard(id, reason);
      redirect.addFlashAttribute("notice", "Discarded.");
    } catch (InvalidRequestException e) {
      redirect.addFlashAttribute("error", "A reason " + e.problems().get(0).message() + ".");
    } catch (ConflictException e) {
      redirect.addFlashAttribute("error", "Not discarded: " + e.getMessage() + ".");
    }
    return "redirect:/exchanges/" + id;
  }
}
