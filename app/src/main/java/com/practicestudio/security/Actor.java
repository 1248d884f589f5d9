package com.practicestudio.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Who is acting now and from where: a signed-in user, or the system itself (workers, jobs). */
public final class Actor {

  public static final String SYSTEM = "system";

  private Actor() {}

  public static String name() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated()) {
      return SYSTEM;
    }
    return auth.getName();
  }

  public static boolean can(Permission permission) {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    return auth != null
        && auth.getAuthorities().stream().anyMatch(a -> permission.name().equals(a.getAuthority()));
  }

  public static Optional<String> remoteAddress() {
    return request().map(HttpServletRequest::getRemoteAddr);
  }

  private static Optional<HttpServletRequest> request() {
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
      return Optional.of(attrs.getRequest());
    }
    return Optional.empty();
  }
}
