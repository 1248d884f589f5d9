package com.practicestudio.web;

import com.practicestudio.security.Actor;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives every console page the navigation the signed-in user may see. */
@ControllerAdvice(annotations = Controller.class)
class ConsoleModelAdvice {

  private static final List<String> SECTIONS =
      List.of(
          NavEntry.RECORDS, NavEntry.OPERATIONS, NavEntry.INTEGRATIONS, NavEntry.ADMINISTRATION);

  private final List<NavEntry> entries;

  ConsoleModelAdvice(List<NavEntry> entries) {
    this.entries = entries;
  }

  @ModelAttribute("nav")
  Map<String, List<NavEntry>> nav() {
    Map<String, List<NavEntry>> sections = new LinkedHashMap<>();
    for (String section : SECTIONS) {
      List<NavEntry> visible =
          entries.stream()
              .filter(e -> e.section().equals(section))
              .filter(e -> e.permission() == null || Actor.can(e.permission()))
              .sorted(Comparator.comparingInt(NavEntry::order))
              .toList();
      if (!visible.isEmpty()) {
        sections.put(section, visible);
      }
    }
    return sections;
  }

  @ModelAttribute("requestPath")
  String requestPath(jakarta.servlet.http.HttpServletRequest request) {
    return request.getRequestURI();
  }

  @ModelAttribute("currentUser")
  String currentUser() {
    return Actor.name();
  }
}
