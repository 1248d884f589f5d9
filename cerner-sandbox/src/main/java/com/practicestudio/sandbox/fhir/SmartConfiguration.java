package com.practicestudio.sandbox.fhir;

import com.practicestudio.sandbox.SandboxUrls;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code .well-known/smart-configuration} document. */
public final class SmartConfiguration {

  private SmartConfiguration() {}

  public static Map<String, Object> of(SandboxUrls urls) {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("issuer", urls.oauthBase());
    config.put("jwks_uri", urls.jwksUrl());
    config.put("authorization_endpoint", urls.authorizeUrl());
    config.put("token_endpoint", urls.tokenUrl());
    config.put("introspection_endpoint", urls.introspectUrl());
    config.put("revocation_endpoint", urls.revokeUrl());
    config.put(
        "token_endpoint_auth_methods_supported", List.of("client_secret_basic", "private_key_jwt"));
    config.put(
        "grant_types_supported",
        List.of("authorization_code", "client_credentials", "refresh_token"));
    config.put("response_types_supported", List.of("code"));
    config.put("code_challenge_methods_supported", List.of("S256"));
    config.put(
        "scopes_supported",
        List.of(
            "launch",
            "launch/patient",
            "offline_access",
            "online_access",
            "patient/Patient.read",
            "user/Patient.read",
            "system/Patient.read",
            "patient/Patient.rs",
            "system/Slot.rs"));
    config.put(
        "capabilities",
        List.of(
            "launch-ehr",
            "launch-standalone",
            "client-public",
            "client-confidential-symmetric",
            "client-confidential-asymmetric",
            "context-ehr-patient",
            "context-ehr-encounter",
            "context-standalone-patient",
            "permission-offline",
            "permission-online",
            "permission-patient",
            "permission-user",
            "permission-v1",
            "permission-v2"));
    return config;
  }
}
