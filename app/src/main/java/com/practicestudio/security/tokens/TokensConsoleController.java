package com.practicestudio.security.tokens;

import com.practicestudio.security.Actor;
import com.practicestudio.web.InvalidRequestException;
import com.practicestudio.web.NavEntry;
import com.practicestudio.web.Page;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Each user manages their own API tokens here; admins see everyone's. */
@Controller
@RequestMapping("/tokens")
class TokensConsoleController {

  private final ApiTokenService tokens;

  TokensConsoleController(ApiTokenService tokens) {
    this.tokens = tokens;
  }

  @Bean
  static NavEntry tokensNav() {
    return new NavEntry(NavEntry.ADMINISTRATION, "API tokens", "/tokens", 20, null);
  }

  @GetMapping
  String list(@RequestParam(required = false) String cursor, Model model) {
    Page<ApiToken> page = tokens.list(Page.DEFAULT_LIMIT, cursor);
    model.addAttribute("page", page);
    return "tokens/list";
  }

  @PostMapping
  String create(@RequestParam String name, RedirectAttributes redirect) {
    try {
      ApiTokenService.CreatedToken created = tokens.create(Actor.name(), name, null);
      redirect.addFlashAttribute("createdToken", created.token());
    } catch (InvalidRequestException e) {
      redirect.addFlashAttribute("error", "Name " + e.problems().get(0).message() + ".");
    }
    return "redirect:/tokens";
  }

  @PostMapping("/{id}/revoke")
  String revoke(@PathVariable long id, RedirectAttributes redirect) {
    ApiToken token = tokens.revoke(id);
    redirect.addFlashAttribute("notice", "Revoked " + token.name() + ".");
    return "redirect:/tokens";
  }
}
