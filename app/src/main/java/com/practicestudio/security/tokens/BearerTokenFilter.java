package com.practicestudio.security.tokens;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.WebAuthenticationDetailsSource;
import org.springframework.web.filter.OncePerRequestFilter;

/** {@code Authorization: Bearer <api token>} for the API. */
public class BearerTokenFilter extends OncePerRequestFilter {

  private final ApiTokenService tokens;
  private final UserDetailsService users;
  private final AuthenticationEntryPoint entryPoint;

  public BearerTokenFilter(
      ApiTokenService tokens, UserDetailsService users, AuthenticationEntryPoint entryPoint) {
    this.tokens = tokens;
    this.users = users;
    this.entryPoint = entryPoint;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      chain.doFilter(request, response);
      return;
    }
    Optional<String> username = tokens.authenticate(header.substring(7).trim());
    if (username.isEmpty()) {
      SecurityContextHolder.clearContext();
      entryPoint.commence(request, response, new BadCredentialsException("invalid token"));
      return;
    }
    try {
      UserDetails user = users.loadUserByUsername(username.get());
      if (!user.isEnabled() || !user.isAccountNonLocked()) {
        entryPoint.commence(request, response, new BadCredentialsException("account unavailable"));
        return;
      }
      var auth =
          UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
      auth.setDetails(new WebAuthenticationDetailsSource().buildDetails(request));
      var context = SecurityContextHolder.createEmptyContext();
      context.setAuthentication(auth);
      SecurityContextHolder.setContext(context);
    } catch (AuthenticationException e) {
      entryPoint.commence(request, response, e);
      return;
    }
    chain.doFilter(request, response);
  }
}
