package com.practicestudio.security.users;

import com.practicestudio.security.Role;
import com.practicestudio.security.SecurityProperties;
import com.practicestudio.security.audit.AuditAction;
import com.practicestudio.security.audit.AuditLog;
import com.practicestudio.web.ConflictException;
import com.practicestudio.web.Cursor;
import com.practicestudio.web.InvalidRequestException;
import com.practicestudio.web.NotFoundException;
import com.practicestudio.web.Page;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Users: create, change password, role and state. Every change is audited. */
@Service
public class UserService {

  private final UserRepository users;
  private final PasswordEncoder passwords;
  private final AuditLog audit;
  private final SecurityProperties settings;
  private final Clock clock;

  UserService(
      UserRepository users,
      PasswordEncoder passwords,
      AuditLog audit,
      SecurityProperties settings,
      Clock clock) {
    this.users = users;
    this.passwords = passwords;
    this.audit = audit;
    this.settings = settings;
    this.clock = clock;
  }

  @Transactional
  public UserAccount create(String username, String password, Role role) {
    if (username == null || !username.matches("[A-Za-z0-9._@-]{2,64}")) {
      throw new InvalidRequestException("username", "must be 2-64 letters, digits or . _ @ -");
    }
    checkPassword(password);
    if (users.findByUsername(username).isPresent()) {
      throw new ConflictException("a user named " + username + " exists");
    }
    long id = users.insert(username, passwords.encode(password), role);
    audit.record(AuditAction.USER_CREATE, "user", id, Map.of("username", username, "role", role));
    return users.findById(id).orElseThrow();
  }

  @Transactional
  public void changePassword(String username, String password) {
    UserAccount user = byUsername(username);
    checkPassword(password);
    users.updatePassword(user.id(), passwords.encode(password));
    audit.record(AuditAction.USER_UPDATE, "user", user.id(), Map.of("changed", "password"));
  }

  @Transactional
  public UserAccount update(long id, Role role, Boolean enabled, Boolean unlock) {
    UserAccount user = byId(id);
    Role newRole = role == null ? user.role() : role;
    boolean newEnabled = enabled == null ? user.enabled() : enabled;
    users.update(id, newRole, newEnabled);
    if (Boolean.TRUE.equals(unlock)) {
      users.unlock(id);
    }
    audit.record(
        AuditAction.USER_UPDATE,
        "user",
        id,
        Map.of("role", newRole, "enabled", newEnabled, "unlocked", Boolean.TRUE.equals(unlock)));
    return byId(id);
  }

  public UserAccount byId(long id) {
    return users.findById(id).orElseThrow(() -> new NotFoundException("user", id));
  }

  public UserAccount byUsername(String username) {
    return users
        .findByUsername(username)
        .orElseThrow(() -> new NotFoundException("user", username));
  }

  public Optional<UserAccount> find(String username) {
    return users.findByUsername(username);
  }

  public Page<UserAccount> list(int limit, String cursor) {
    return Cursor.page(
        users.page(Cursor.decodeId(cursor), limit + 1), limit, u -> Long.toString(u.id()));
  }

  public boolean none() {
    return users.count() == 0;
  }

  /** Called by the login listener; answers true when this failure locked the account. */
  @Transactional
  public boolean recordFailedLogin(String username) {
    int failures =
        users.recordFailure(
            username, settings.maxFailedLogins(), clock.instant().plus(settings.lockout()));
    return failures == settings.maxFailedLogins();
  }

  @Transactional
  public void recordSuccessfulLogin(String username) {
    users.recordSuccess(username);
  }

  Optional<String> passwordHash(String username) {
    return users.passwordHash(username);
  }

  private void checkPassword(String password) {
    if (password == null || password.length() < settings.minPasswordLength()) {
      throw new InvalidRequestException(
          "password", "must be at least " + settings.minPasswordLength() + " characters");
    }
  }
}
