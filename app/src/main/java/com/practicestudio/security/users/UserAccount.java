package com.practicestudio.security.users;

import com.practicestudio.security.Role;
import java.time.Instant;

/** A person or service account that signs in. The password hash never leaves this package. */
public record UserAccount(
    long id,
    String username,
    Role role,
    boolean enabled,
    int failedLogins,
    Instant lockedUntil,
    Instant createdAt) {

  public boolean lockedAt(Instant now) {
    return lockedUntil != null && lockedUntil.isAfter(now);
  }
}
