package com.practicestudio.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in and network policy.
 *
 * @param maxFailedLogins failed logins in a row before the account is locked
 * @param lockout how long a locked account stays locked
 * @param apiAllowlist addresses or CIDR ranges allowed to call {@code /api/**}; empty allows all
 * @param minPasswordLength shortest password accepted for users
 */
@ConfigurationProperties("practice-studio.security")
public record SecurityProperties(
    @DefaultValue("5") int maxFailedLogins,
    @DefaultValue("15m") Duration lockout,
    @DefaultValue List<String> apiAllowlist,
    @DefaultValue("12") int minPasswordLength) {}
