package com.practicestudio.security.users;

import com.practicestudio.security.Role;
import com.practicestudio.web.Page;
import jakarta.validation.constraints.NotBlank;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/users")
@PreAuthorize("hasAuthority('USERS_MANAGE')")
class UsersApiController {

  private final UserService users;

  UsersApiController(UserService users) {
    this.users = users;
  }

  record UserJson(
      long id, String username, Role role, boolean enabled, boolean locked, Instant createdAt) {
    static UserJson of(UserAccount u) {
      return new UserJson(
          u.id(), u.username(), u.role(), u.enabled(), u.lockedAt(Instant.now()), u.createdAt());
    }
  }

  record NewUser(@NotBlank String username, @NotBlank String password, @NotBlank String role) {}

  record UserChange(String role, Boolean enabled, Boolean unlock) {}

  record PasswordChange(@NotBlank String password) {}

  @GetMapping
  Page<UserJson> list(
      @RequestParam(required = false) Integer limit,
      @RequestParam(required = false) String cursor) {
    Page<UserAccount> page = users.list(Page.limit(limit), cursor);
    return new Page<>(page.items().stream().map(UserJson::of).toList(), page.next());
  }

  @GetMapping("/{id}")
  UserJson get(@PathVariable long id) {
    return UserJson.of(users.byId(id));
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  UserJson create(@jakarta.validation.Valid @RequestBody NewUser body) {
    return UserJson.of(users.create(body.username(), body.password(), Role.parse(body.role())));
  }

  @PatchMapping("/{id}")
  UserJson update(@PathVariable long id, @RequestBody UserChange body) {
    Role role = body.role() == null ? null : Role.parse(body.role());
    return UserJson.of(users.update(id, role, body.enabled(), body.unlock()));
  }

  @PutMapping("/{id}/password")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void password(@PathVariable long id, @jakarta.validation.Valid @RequestBody PasswordChange body) {
    users.changePassword(users.byId(id).username(), body.password());
  }
}
