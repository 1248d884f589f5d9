package com.practicestudio.security.tokens;

import java.time.Instant;

/** An API token as listed: never the token itself, only its first characters to recognise it. */
public record ApiToken(
    long id,
    String username,
    String name,
    String prefix,
    Instant createdAt,
    Instant expiresAt,
    Instant lastUsedAt,
    Instant revokedAt) {}
