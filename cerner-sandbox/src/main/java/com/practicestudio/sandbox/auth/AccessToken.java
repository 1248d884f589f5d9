package com.practicestudio.sandbox.auth;

import java.time.Instant;

/** A validated access token: who holds it, what it grants and for which launch context. */
public record AccessToken(
    String tokenId, String clientId, ScopeSet scopes, LaunchContext context, Instant expiresAt) {}
