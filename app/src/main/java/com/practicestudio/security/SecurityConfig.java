package com.practicestudio.security;

import com.practicestudio.security.tokens.ApiTokenService;
import com.practicestudio.security.tokens.BearerTokenFilter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Two ways in: the API ({@code /api/**}, stateless, HTTP Basic or Bearer token, problem+json
 * errors, IP allowlist) and the console (form login, session, CSRF). Health is open; everything
 * else needs a user. Permissions are checked on methods ({@code @PreAuthorize}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableMethodSecurity
class SecurityConfig {

  @Bean
  AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher publisher) {
    return new DefaultAuthenticationEventPublisher(publisher);
  }

  @Bean
  @Order(1)
  SecurityFilterChain api(
      HttpSecurity http,
      ApiTokenService tokens,
      UserDetailsService users,
      SecurityProperties settings)
      throws Exception {
    statelessWithTokens(http.securityMatcher("/api/**"), tokens, users)
        .addFilterBefore(new IpAllowlistFilter(settings.apiAllowlist()), BearerTokenFilter.class)
        .authorizeHttpRequests(
            a ->
                a.requestMatchers("/api/docs/**", "/api/docs")
                    .permitAll()
                    .anyRequest()
                    .authenticated());
    return http.build();
  }

  /**
   * Monitoring: health is open; metrics ({@code /actuator/prometheus}) take HTTP Basic or, better
   * for a scraper that calls every few seconds, an API token (a SHA-256 lookup instead of a bcrypt
   * check per scrape). Stateless: no session, no CSRF.
   */
  @Bean
  @Order(2)
  SecurityFilterChain actuator(HttpSecurity http, ApiTokenService tokens, UserDetailsService users)
      throws Exception {
    statelessWithTokens(http.securityMatcher("/actuator/**"), tokens, users)
        .authorizeHttpRequests(
            a ->
                a.requestMatchers("/actuator/health", "/actuator/health/**")
                    .permitAll()
                    .anyRequest()
                    .authenticated());
    return http.build();
  }

  /** No session, no CSRF; HTTP Basic or a Bearer API token; refusals as problem+json. */
  private static HttpSecurity statelessWithTokens(
      HttpSecurity http, ApiTokenService tokens, UserDetailsService users) throws Exception {
    ProblemEntryPoint problems = new ProblemEntryPoint();
    return http.csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .httpBasic(basic -> basic.authenticationEntryPoint(problems))
        .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
        .addFilterBefore(
            new BearerTokenFilter(tokens, users, problems), BasicAuthenticationFilter.class);
  }

  @Bean
  @Order(3)
  SecurityFilterChain console(HttpSecurity http) throws Exception {
    http.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
        .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
        .httpBasic(basic -> {})
        .headers(
            h ->
                h.contentSecurityPolicy(
                    csp ->
                        csp.policyDirectives(
                            "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline';"
                                + " frame-ancestors 'none'")))
        .authorizeHttpRequests(
            a ->
                a.requestMatchers(
                        "/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error")
                    .permitAll()
                    .anyRequest()
                    .authenticated());
    return http.build();
  }
}
