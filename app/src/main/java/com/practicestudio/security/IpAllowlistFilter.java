package com.practicestudio.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/** Refuses API calls from addresses outside {@code practice-studio.security.api-allowlist}. */
class IpAllowlistFilter extends OncePerRequestFilter {

  private final List<IpAddressMatcher> allowed;

  IpAllowlistFilter(List<String> allowlist) {
    this.allowed = allowlist.stream().filter(s -> !s.isBlank()).map(IpAddressMatcher::new).toList();
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (allowed.isEmpty() || allowed.stream().anyMatch(m -> m.matches(request))) {
      chain.doFilter(request, response);
      return;
    }
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    response.setContentType("application/problem+json");
    response
        .getWriter()
        .write(
            "{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403,"
                + "\"detail\":\"this address may not call the API\"}");
  }
}
