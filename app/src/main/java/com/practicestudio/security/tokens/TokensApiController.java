package com.practicestudio.security.tokens;

import com.practicestudio.security.Actor;
import com.practicestudio.security.Permission;
import com.practicestudio.web.Page;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Every user may hold tokens for themselves; admins may create them for others. */
@RestController
@RequestMapping("/api/v1/tokens")
class TokensApiController {

  private final ApiTokenService tokens;

  TokensApiController(ApiTokenService tokens) {
    this.tokens = tokens;
  }

  record NewToken(String name, String username, Instant expiresAt) {}

  @GetMapping
  Page<ApiToken> list(
      @RequestParam(required = false) Integer limit,
      @RequestParam(required = false) String cursor) {
    return tokens.list(Page.limit(limit), cursor);
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  ApiTokenService.CreatedToken create(@RequestBody NewToken body) {
    String owner = body.username() == null ? Actor.name() : body.username();
    if (!owner.equalsIgnoreCase(Actor.name()) && !Actor.can(Permission.USERS_MANAGE)) {
      throw new AccessDeniedException("only admins create tokens for other users");
    }
    return tokens.create(owner, body.name(), body.expiresAt());
  }

  @DeleteMapping("/{id}")
  ApiToken revoke(@PathVariable long id) {
    return tokens.revoke(id);
  }
}
