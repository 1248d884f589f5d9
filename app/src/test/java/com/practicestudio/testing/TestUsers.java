package com.practicestudio.testing;

import com.practicestudio.security.Role;
import com.practicestudio.security.users.UserService;
import java.util.UUID;

/** Users for tests: the first admin, and fresh users of any role. */
public final class TestUsers {

  public static final String ADMIN = "admin";
  public static final String ADMIN_PASSWORD = "admin-password-for-tests";
  public static final String PASSWORD = "a-long-enough-password";

  private TestUsers() {}

  /** Creates a user with a unique name and {@link #PASSWORD}; answers the name. */
  public static String create(UserService users, Role role) {
    String name = role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
    users.create(name, PASSWORD, role);
    return name;
  }
}
