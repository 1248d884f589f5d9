package com.practicestudio.hl7;

import com.practicestudio.codemaps.CodeMapKind;
import com.practicestudio.security.Actor;
import com.practicestudio.security.Permission;
import com.practicestudio.web.ConflictException;
import com.practicestudio.web.InvalidRequestException;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
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
 * Settings › Integrations › HL7: the interfaces with their live state, a page per interface to
 * change it, and a listener's rules (added, changed, moved, switched off, deleted) with "try on a
 * pasted message" before a new or changed rule is saved.
 */
@Controller
@RequestMapping("/hl7")
@PreAuthorize("hasAuthority('RECORDS_READ')")
class Hl7ConsoleController {

  private final Hl7Interfaces interfaces;
  private final Hl7Rules rules;

  Hl7ConsoleController(Hl7Interfaces interfaces, Hl7Rules rules) {
    this.interfaces = interfaces;
    this.rules = rules;
  }

  @GetMapping
  String list(Model model) {
    model.addAttribute("interfaces", interfaces.list(null));
    model.addAttribute("canEdit", Actor.can(Permission.SETTINGS_WRITE));
    return "hl7/interfaces";
  }

  @PostMapping
  @PreAuthorize("hasAuthority('SETTINGS_WRITE')")
  String create(ConsoleForms.InterfaceForm form, RedirectAttributes redirect) {
    try {
      Hl7Interface created = interfaces.create(form.input());
      redirect.addFlashAttribute("notice", "Created " + created.name() + ".");
      return "redirect:/hl7/" + created.id();
    } catch (InvalidRequestException | ConflictException e) {
      redirect.addFlashAttribute("error", message(e));
      return "redirect:/hl7";
    }
  }

  @GetMapping("/{id}")
  String detail(@PathVariable long id, Model model) {
    Hl7Interface itf = interfaces.get(id);
    model.addAttribute("itf", itf);
    model.addAttribute("senders", interfaces.list(InterfaceKind.SENDER));
    model.addAttribute("canEdit", Actor.can(Permission.SETTINGS_WRITE));
    model.addAttribute("canEditRules", Actor.can(Permission.MAPPINGS_WRITE));
    model.addAttribute("codeMapKinds", CodeMapKind.values());
    if (itf.kind() == InterfaceKind.LISTENER) {
      List<Hl7Rule> saved = rules.list(id);
      model.addAttribute("rules", saved);
      model.addAttribute(
          "lastPosition",
          saved.stream().collect(Collectors.toMap(Hl7Rule::kind, Hl7Rule::position, Math::max)));
    }
    return "hl7/interface";
  }

  @PostMapping("/{id}")
  @PreAuthorize("hasAuthority('SETTINGS_WRITE')")
  String update(
      @PathVariable long id, ConsoleForms.InterfaceForm form, RedirectAttributes redirect) {
    return act(id, redirect, "Saved.", () -> interfaces.update(id, form.input(), null));
  }

  @PostMapping("/{id}/delete")
  @PreAuthorize("hasAuthority('SETTINGS_WRITE')")
  String delete(@PathVariable long id, RedirectAttributes redirect) {
    try {
      Hl7Interface itf = interfaces.get(id);
      interfaces.delete(id);
      redirect.addFlashAttribute("notice", "Deleted " + itf.name() + ".");
      return "redirect:/hl7";
    } catch (ConflictException e) {
      redirect.addFlashAttribute("error", e.getMessage());
      return "redirect:/hl7/" + id;
    }
  }

  @PostMapping("/{id}/rules")
  @PreAuthorize("hasAuthority('MAPPINGS_WRITE')")
  String addRule(@PathVariable long id, ConsoleForms.RuleForm form, RedirectAttributes redirect) {
    return act(id, redirect, "Rule added.", () -> rules.create(id, form.input()));
  }

  /** The interface's page with the rule form filled in from a saved rule, to change it. */
  @GetMapping("/{id}/rules/{ruleId}")
  @PreAuthorize("hasAuthority('MAPPINGS_WRITE')")
  String editRule(@PathVariable long id, @PathVariable long ruleId, Model model) {
    Hl7Rule rule = rules.get(id, ruleId);
    model.addAttribute("editing", rule);
    model.addAttribute("candidate", ConsoleForms.RuleForm.of(rule));
    return detail(id, model);
  }

  /** Saves the edit form; a refused change shows the form again as posted, not the saved rule. */
  @PostMapping("/{id}/rules/{ruleId}")
  @PreAuthorize("hasAuthority('MAPPINGS_WRITE')")
  String updateRule(
      @PathVariable long id,
      @PathVariable long ruleId,
      ConsoleForms.RuleForm form,
      Model model,
      RedirectAttributes redirect) {
    try {
      rules.update(id, ruleId, form.input(), null);
      redirect.addFlashAttribute("notice", "Rule saved.");
      return "redirect:/hl7/" + id;
    } catch (InvalidRequestException | ConflictException e) {
      model.addAttribute("error", message(e));
      model.addAttribute("editing", rules.get(id, ruleId));
      model.addAttribute("candidate", form);
      return detail(id, model);
    }
  }

  /**
   * Moves a saved rule to {@code position} among the rules of its kind. {@code version} is the one
   * the page showed, so a rule changed meanwhile is refused rather than silently overwritten.
   */
  @PostMapping("/{id}/rules/{ruleId}/move")
  @PreAuthorize("hasAuthority('MAPPINGS_WRITE')")
  String moveRule(
      @PathVariable long id,
      @PathVariable long ruleId,
      @RequestParam int position,
      @RequestParam(required = false) Integer version,
      RedirectAttributes redirect) {
    return act(
        id,
        redirect,
        "Rule moved.",
        () -> {
          Hl7Rule rule = rules.get(id, ruleId);
          return rules.update(
              id, ruleId, ConsoleForms.saved(rule, position, rule.enabled()), version);
        });
  }

  /** Switches a saved rule on or off; a rule switched off is kept but skipped. */
  @PostMapping("/{id}/rules/{ruleId}/enabled")
  @PreAuthorize("hasAuthority('MAPPINGS_WRITE')")
  String switchRule(
      @PathVariable long id,
      @PathVariable long ruleId,
      @RequestParam boolean enabled,
      @RequestParam(required = false) Integer version,
      RedirectAttributes redirect) {
    return act(
        id,
        redirect,
        enabled ? "Rule switched on." : "Rule switched off.",
        () -> {
          Hl7Rule rule = rules.get(id, ruleId);
          return rules.update(
              id, ruleId, ConsoleForms.saved(rule, rule.position(), enabled), version);
        });
  }

  @PostMapping("/{id}/rules/{ruleId}/delete")
  @PreAuthorize("hasAuthority('MAPPINGS_WRITE')")
  String deleteRule(@PathVariable long id, @PathVariable long ruleId, RedirectAttributes redirect) {
    return act(
        id,
        redirect,
        "Rule deleted.",
        () -> {
          rules.delete(id, ruleId);
          return null;
        });
  }

  /** Runs the rules (with the rule in the form, unsaved) on the pasted message. */
  @PostMapping("/{id}/try")
  @PreAuthorize("hasAuthority('MAPPINGS_WRITE')")
  String tryRules(
      @PathVariable long id,
      @RequestParam(defaultValue = "") String message,
      @RequestParam(required = false) Long replacing,
      @RequestParam(defaultValue = "false") boolean withRule,
      ConsoleForms.RuleForm form,
      Model model) {
    try {
      RuleTrial.Result result = rules.tryOn(id, message, withRule ? form.input() : null, replacing);
      model.addAttribute("tried", result);
    } catch (InvalidRequestException e) {
      model.addAttribute("error", message(e));
    }
    model.addAttribute("pasted", message);
    if (replacing != null) {
      // trying a change to a saved rule keeps the page on that rule, so "Save" changes it
      model.addAttribute("editing", rules.get(id, replacing));
      model.addAttribute("candidate", form);
    } else {
      model.addAttribute("candidate", withRule ? form : null);
    }
    return detail(id, model);
  }

  private String act(long id, RedirectAttributes redirect, String done, Supplier<?> action) {
    try {
      action.get();
      redirect.addFlashAttribute("notice", done);
    } catch (InvalidRequestException | ConflictException e) {
      redirect.addFlashAttribute("error", message(e));
    }
    return "redirect:/hl7/" + id;
  }

  private static String message(RuntimeException e) {
    if (e instanceof InvalidRequestException invalid) {
      return invalid.problems().stream()
          .map(p -> p.field() + " " + p.message())
          .collect(Collectors.joining("; ", "Not saved: ", "."));
    }
    return e.getMessage();
  }
}
