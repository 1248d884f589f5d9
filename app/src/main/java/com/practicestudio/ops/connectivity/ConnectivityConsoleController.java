package com.practicestudio.ops.connectivity;

import com.practicestudio.cerner.CernerDomains;
import com.practicestudio.security.Permission;
import com.practicestudio.web.NavEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The Connectivity Test page: pick a domain, run the test, read each step and its hint. */
@Controller
@RequestMapping("/connectivity")
@PreAuthorize("hasAuthority('SETTINGS_WRITE')")
class ConnectivityConsoleController {

  private final CernerDomains domains;
  private final ConnectivityTest test;

  ConnectivityConsoleController(CernerDomains domains, ConnectivityTest test) {
    this.domains = domains;
    this.test = test;
  }

  @Bean
  static NavEntry connectivityNav() {
    return new NavEntry(
        NavEntry.INTEGRATIONS, "Connectivity test", "/connectivity", 20, Permission.SETTINGS_WRITE);
  }

  @GetMapping
  String page(@RequestParam(required = false) Long domain, Model model) {
    model.addAttribute("domains", domains.list());
    model.addAttribute("selected", domain);
    return "connectivity/test";
  }

  @PostMapping
  String run(@RequestParam long domain, Model model) {
    model.addAttribute("report", test.run(domain));
    return page(domain, model);
  }
}
