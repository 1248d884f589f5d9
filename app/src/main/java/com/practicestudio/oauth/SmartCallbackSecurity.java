package com.practicestudio.oauth;

import com.practicestudio.cerner.SmartRegistration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Lets Cerner's redirect reach {@code /smart/callback} even when the browser left the session
 * cookie out: our cookie is {@code SameSite=Strict}, and a redirect from Cerner's authorization
 * server (another site) arrives without it. The controller then bounces once through a same-site
 * page so the cookie comes along; the user's session (and so the launch's {@code state}) is still
 * required to finish. No referrer leaves the page (the URL carries the code).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SmartCallbackSecurity {

  @Bean
  @Order(0)
  SecurityFilterChain smartCallback(HttpSecurity http) throws Exception {
    http.securityMatcher(SmartRegistration.CALLBACK_PATH)
        .authorizeHttpRequests(a -> a.anyRequest().permitAll())
        .requestCache(cache -> cache.disable())
        .headers(
            h ->
                h.referrerPolicy(
                        r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                    .contentSecurityPolicy(
                        csp ->
                            csp.policyDirectives(
                                "default-src 'self'; style-src 'self' 'unsafe-inline';"
                                    + " frame-ancestors 'none'")));
    return http.build();
  }
}
