package com.practicestudio.security.users;

import com.practicestudio.security.Actor;
import com.practicestudio.security.audit.AuditAction;
import com.practicestudio.security.audit.AuditLog;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Counts failed logins (locking the account after too many) and audits every login. API calls
 * authenticate on every request; only console logins and failures are audited, so the trail is not
 * flooded by one client's traffic.
 */
@Component
class LoginAuditListener {

  private final UserService users;
  private final AuditLog audit;

  LoginAuditListener(UserService users, AuditLog audit) {
    this.users = users;
    this.audit = audit;
  }

  @EventListener
  void onFailure(AbstractAuthenticationFailureEvent event) {
    String username = event.getAuthentication().getName();
    String remote = Actor.remoteAddress().orElse(null);
    String reason = event.getException().getClass().getSimpleName();
    audit.write(
        username == null ? "anonymous" : username,
        AuditAction.LOGIN_FAILED,
        "user",
        username,
        "FAILURE",
        remote,
        Map.of("reason", reason));
    if (event instanceof AuthenticationFailureBadCredentialsEvent && username != null) {
      if (users.recordFailedLogin(username)) {
        audit.write(
            username, AuditAction.ACCOUNT_LOCKED, "user", username, "FAILURE", remote, null);
      }
    }
  }

  @EventListener
  void onInteractiveLogin(InteractiveAuthenticationSuccessEvent event) {
    String username = event.getAuthentication().getName();
    audit.write(
        username,
        AuditAction.LOGIN,
        "user",
        username,
        "SUCCESS",
        Actor.remoteAddress().orElse(null),
        null);
  }

  @EventListener
  void onSuccess(AuthenticationSuccessEvent event) {
    users.recordSuccessfulLogin(event.getAuthentication().getName());
  }
}
