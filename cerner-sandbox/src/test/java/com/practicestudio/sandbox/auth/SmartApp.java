package com.practicestudio.sandbox.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.practicestudio.sandbox.CernerSandbox;
import com.practicestudio.sandbox.SandboxHttp;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Drives the SMART authorization code flow with PKCE as a public app would. */
final class SmartApp {

  static final String REDIRECT = "http://localhost/app/callback";

  final String clientId = "smart-app-" + UUID.randomUUID();
  final String verifier = UUID.randomUUID() + "-" + UUID.randomUUID();
  final CernerSandbox sandbox;
  final SandboxHttp http;

  SmartApp(CernerSandbox sandbox, String allowedScopes) {
    this.sandbox = sandbox;
    this.http = new SandboxHttp(sandbox);
    sandbox
        .clients()
        .register(
            RegisteredClient.publicApp(
                clientId, ScopeSet.parse(allowedScopes), List.of(URI.create(REDIRECT))));
  }

  Map<String, String> authorizeParameters(String scope, String state) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("response_type", "code");
    params.put("client_id", clientId);
    params.put("redirect_uri", REDIRECT);
    params.put("scope", scope);
    params.put("state", state);
    params.put("aud", sandbox.urls().fhirRoot());
    params.put("code_challenge", challenge(verifier));
    params.put("code_challenge_method", "S256");
    return params;
  }

  HttpResponse<String> authorize(Map<String, String> params) {
    StringBuilder query = new StringBuilder();
    params.forEach(
        (k, v) ->
            query
                .append(query.isEmpty() ? "?" : "&")
                .append(k)
                .append('=')
                .append(SandboxHttp.encode(v)));
    return http.send(
        HttpRequest.newBuilder(URI.create(sandbox.urls().authorizeUrl() + query)).build());
  }

  /** The query parameters of the redirect the authorize endpoint answered with. */
  static Map<String, String> redirectParameters(HttpResponse<String> response) {
    String location = response.headers().firstValue("Location").orElseThrow();
    Map<String, String> params = new LinkedHashMap<>();
    for (String pair : URI.create(location).getRawQuery().split("&")) {
      String[] kv = pair.split("=", 2);
      params.put(kv[0], java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
    }
    return params;
  }

  HttpResponse<String> exchange(String code, String codeVerifier) {
    return tokenForm(
        "grant_type=authorization_code&code="
            + SandboxHttp.encode(code)
            + "&redirect_uri="
            + SandboxHttp.encode(REDIRECT)
            + "&client_id="
            + SandboxHttp.encode(clientId)
            + "&code_verifier="
            + SandboxHttp.encode(codeVerifier));
  }

  HttpResponse<String> tokenForm(String form) {
    return http.send(
        HttpRequest.newBuilder(URI.create(sandbox.urls().tokenUrl()))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build());
  }

  /** The whole flow with an immediate code (no picker); answers the token response. */
  JsonNode launch(Map<String, String> params) {
    Map<String, String> redirect = redirectParameters(authorize(params));
    return SandboxHttp.json(exchange(redirect.get("code"), verifier).body());
  }

  static String challenge(String verifier) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
