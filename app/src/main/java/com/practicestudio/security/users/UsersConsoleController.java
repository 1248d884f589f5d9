package com.practicestudio.security.users;

import com.practicestudio.security.Permission;
import com.practicestudio.security.Role;
import com.practicestudio.web.ConflictException;
import com.practicestudio.web.InvalidRequestException;
import com.practicestudio.web.NavEntry;
import com.practicestudio.web.Page;
import org.springframework.context.annotation.Bean;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
@RequestMapping("/users")
@PreAuthorize("hasAuthority('USERS_MANAGE')")
class UsersConsoleController {

  private final UserService users;

  UsersConsoleController(UserService users) {
    this.users = users;
  }

  @Bean
  static NavEntry usersNav() {
    return new NavEntry(NavEntry.ADMINISTRATION, "Users", "/users", 10, Permission.USERS_MANAGE);
  }

  @GetMapping
  String list(@RequestParam(required = false) String cursor, Model model) {
    Page<UserAccount> page = users.list(Page.DEFAULT_LIMIT, cursor);
    model.addAttribute("page", page);
    model.addAttribute("roles", Role.values());
    return "users/list";
  }

  @PostMapping
  String create(
      @RequestParam String username,
      @RequestParam String password,
      @RequestParam Role role,
      RedirectAttributes redirect) {
    try {
      users.create(username, password, role);
      redirect.addFlashAttribute("notice", "Created user " + username + ".");
    } catch (InvalidRequestException e) {
      redirect.addFlashAttribute(
          "error", e.problems().get(0).field() + " " + e.problems().get(0).message());
    } catch (ConflictException e) {
      redirect.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:/users";
  }

  @PostMapping("/{id}")
  String update(
      @PathVariable long id,
      @RequestParam Role role,
      @RequestParam(defaultValue = "false") boolean enabled,
      @RequestParam(defaultValue = "false") boolean unlock,
      RedirectAttributes redirect) {
    UserAccount user = users.update(id, role, enabled, unlock);
    redirect.addFlashAttribute("notice", "Saved " + user.username() + ".");
    return "redirect:/users";
  }
}
