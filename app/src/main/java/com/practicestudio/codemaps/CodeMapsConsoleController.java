package com.practicestudio.codemaps;

import com.practicestudio.security.Actor;
import com.practicestudio.security.Permission;
import com.practicestudio.web.ConflictException;
import com.practicestudio.web.FieldProblem;
import com.practicestudio.web.InvalidRequestException;
import com.practicestudio.web.NavEntry;
import com.practicestudio.web.Page;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Bean;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The code-map editor: one kind at a time; edits, additions, deletions and CSV import; and the
 * codes that messages sent without a mapping, each with a form to map it.
 */
@Controller
@RequestMapping("/code-maps")
@PreAuthorize("hasAuthority('RECORDS_READ')")
class CodeMapsConsoleController {

  /** Codes without a mapping shown on the page; the API lists them all. */
  static final int MISSES_SHOWN = 100;

  private final CodeMaps maps;

  CodeMapsConsoleController(CodeMaps maps) {
    this.maps = maps;
  }

  @Bean
  static NavEntry codeMapsNav() {
    return new NavEntry(NavEntry.INTEGRATIONS, "Code maps", "/code-maps", 90, null);
  }

  @GetMapping
  String list(
      @RequestParam(defaultValue = "gender") String kind,
      @RequestParam(required = false) String code,
      @RequestParam(required = false) String cursor,
      Model model) {
    CodeMapKind selected = CodeMapKind.fromWire(kind).orElse(CodeMapKind.GENDER);
    Page<CodeMap> page =
        maps.list(
            new CodeMapQuery(selected, null, null, blankToNull(code), null),
            Page.MAX_LIMIT,
            cursor);
    model.addAttribute("kinds", CodeMapKind.values());
    model.addAttribute("kind", selected);
    model.addAttribute("page", page);
    model.addAttribute("canEdit", Actor.can(Permission.MAPPINGS_WRITE));
    model.addAttribute("misses", maps.misses(null, MISSES_SHOWN, null));
    return "codemaps/list";
  }

  @GetMapping(value = "/export", produces = "text/csv")
  @org.springframework.web.bind.annotation.ResponseBody
  org.springframework.http.ResponseEntity<String> export(
      @RequestParam(defaultValue = "gender") String kind) {
    CodeMapKind selected = CodeMapKind.fromWire(kind).orElse(CodeMapKind.GENDER);
    return org.springframework.http.ResponseEntity.ok()
        .header(
            "Content-Disposition", "attachment; filename=\"code-maps-" + selected.wire() + ".csv\"")
        .contentType(org.springframework.http.MediaType.parseMediaType("text/csv"))
        .body(maps.exportCsv(selected));
  }

  @PostMapping
  @PreAuthorize("hasAuthority('MAPPINGS_WRITE')")
  String create(CodeMapForm form, RedirectAttributes redirect) {
    return save(form.kind(), redirect, () -> maps.create(form.input()), "Added");
  }

  @PostMapping("/{id}")
  @PreAuthorize("hasAuthority('MAPPINGS_WRITE')")
  String update(@PathVariable long id, CodeMapForm form, RedirectAttributes redirect) {
    return save(form.kind(), redirect, () -> maps.update(id, form.input()), "Saved");
  }

  @PostMapping("/{id}/delete")
  @PreAuthorize("hasAuthority('MAPPINGS_WRITE')")
  String delete(@PathVariable long id, RedirectAttributes redirect) {
    CodeMap map = maps.get(id);
    maps.delete(id);
    redirect.addFlashAttribute("notice", "Deleted the mapping of " + map.code() + ".");
    return "redirect:/code-maps?kind=" + map.kind().wire();
  }

  @PostMapping("/import")
  @PreAuthorize("hasAuthority('MAPPINGS_WRITE')")
  String importCsv(
      @RequestParam("file") MultipartFile file,
      @RequestParam(defaultValue = "gender") String kind,
      RedirectAttributes redirect)
      throws IOException {
    ImportReport report = maps.importCsv(new String(file.getBytes(), StandardCharsets.UTF_8));
    redirect.addFlashAttribute(
        "notice",
        "Imported: "
            + report.inserted()
            + " added, "
            + report.updated()
            + " changed, "
            + report.unchanged()
            + " unchanged.");
    if (!report.errors().isEmpty()) {
      redirect.addFlashAttribute(
          "importErrors",
          report.errors().stream()
              .map(e -> "line " + e.line() + ", " + e.field() + ": " + e.message())
              .toList());
    }
    return "redirect:/code-maps?kind=" + kind;
  }

  /** A code map as the editor's forms post it. */
  record CodeMapForm(
      String kind,
      String scope,
      String codeSystem,
      String code,
      String value,
      String display,
      Boolean preferred) {
    CodeMapInput input() {
      return new CodeMapInput(
          kind,
          blankToNull(scope),
          codeSystem,
          code,
          value,
          blankToNull(display),
          Boolean.TRUE.equals(preferred));
    }
  }

  private String save(
      String kind,
      RedirectAttributes redirect,
      java.util.function.Supplier<CodeMap> action,
      String verb) {
    try {
      CodeMap saved = action.get();
      redirect.addFlashAttribute("notice", verb + " the mapping of " + saved.code() + ".");
    } catch (InvalidRequestException e) {
      redirect.addFlashAttribute(
          "error",
          e.problems().stream()
              .map(FieldProblem::field)
              .collect(Collectors.joining(", ", "Not saved; check: ", "")));
    } catch (ConflictException e) {
      redirect.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:/code-maps?kind="
        + CodeMapKind.fromWire(kind).orElse(CodeMapKind.GENDER).wire();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
