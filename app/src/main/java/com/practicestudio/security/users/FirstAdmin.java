package com.practicestudio.security.users;

import com.practicestudio.security.Role;
import com.practicestudio.web.InvalidRequestException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Creates the first admin on first start: password from {@code PRACTICE_STUDIO_ADMIN_PASSWORD}, or
 * generated and printed once to the console (not the log file).
 */
@Component
@ConditionalOnProperty(name = "practice-studio.mode", havingValue = "server", matchIfMissing = true)
class FirstAdmin {

  private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);
  static final String USERNAME = "admin";

  private final UserService users;
  private final String configuredPassword;

  FirstAdmin(UserService users, @Value("${PRACTICE_STUDIO_ADMIN_PASSWORD:}") String password) {
    this.users = users;
    this.configuredPassword = password;
  }

  @EventListener(ApplicationReadyEvent.class)
  void createIfNoUsers() {
    if (!users.none()) {
      return;
    }
    boolean generated = configuredPassword.isBlank();
    String password = generated ? generate() : configuredPassword;
    try {
      users.create(USERNAME, password, Role.ADMIN);
    } catch (InvalidRequestException e) {
      // the start-up fails either way; say which setting to change and why (never the value)
      throw new IllegalStateException(
          "PRACTICE_STUDIO_ADMIN_PASSWORD is not accepted for the first admin: "
              + e.problems().stream()
                  .map(p -> p.field() + " " + p.message())
                  .collect(Collectors.joining("; ")));
    }
    if (generated) {
      System.out.println();
      System.out.println("  First start: created user 'admin' with password " + password);
      System.out.println(
          "  It is shown this once. Change it with: practice-studio user passwd admin");
      System.out.println();
    }
    log.info("Created the first admin user '{}'", USERNAME);
  }

  private static String generate() {
    byte[] bytes = new byte[18];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
