package com.practicestudio.sandbox.auth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The SMART authorize endpoint. Checks the client, its registered redirect URI, {@code state},
 * {@code aud} (must be the FHIR root) and PKCE (S256 only). An EHR launch ({@code launch}
 * parameter) takes its context from the launch id; a standalone launch asking for {@code
 * launch/patient} shows the patient picker; otherwise the code is issued at once (the user is taken
 * as signed in).
 */
final class AuthorizeEndpoint {

  /** An authorization request waiting for the picker's choice. */
  record Pending(
      RegisteredClient client,
      String redirectUri,
      String state,
      String challenge,
      ScopeSet scopes) {}

  private final ClientRegistry registry;
  private final TokenService tokens;
  private final Supplier<String> fhirRoot;
  private final PatientPicker picker;
  private final Map<String, Pending> pending = new ConcurrentHashMap<>();

  AuthorizeEndpoint(
      ClientRegistry registry,
      TokenService tokens,
      Supplier<String> fhirRoot,
      PatientPicker picker) {
    this.registry = registry;
    this.tokens = tokens;
    this.fhirRoot = fhirRoot;
    this.picker = picker;
  }

  void authorize(HttpServletRequest request, HttpServletResponse response) throws IOException {
    Optional<RegisteredClient> client = registry.find(request.getParameter("client_id"));
    if (client.isEmpty() || client.get().kind() == RegisteredClient.Kind.SYSTEM) {
      page(response, 400, "Unknown client_id, or the client is not a SMART app.");
      return;
    }
    String redirectUri = request.getParameter("redirect_uri");
    if (redirectUri == null || !client.get().redirectUris().contains(URI.create(redirectUri))) {
      page(response, 400, "redirect_uri is not registered for this client.");
      return;
    }
    String state = request.getParameter("state");
    String error = check(request, state);
    if (error != null) {
      redirectError(response, redirectUri, error.split(":", 2), state);
      return;
    }
    ScopeSet scopes;
    try {
      scopes = ScopeSet.parse(request.getParameter("scope"));
    } catch (IllegalArgumentException e) {
      redirectError(response, redirectUri, new String[] {"invalid_scope", e.getMessage()}, state);
      return;
    }
    Optional<String> refused = scopes.firstNotAllowedBy(client.get().allowedScopes());
    if (refused.isPresent() || scopes.isEmpty()) {
      String detail = refused.map(s -> "scope not allowed: " + s).orElse("scope is required");
      redirectError(response, redirectUri, new String[] {"invalid_scope", detail}, state);
      return;
    }
    Pending ask =
        new Pending(
            client.get(), redirectUri, state, request.getParameter("code_challenge"), scopes);
    continueWith(ask, request.getParameter("launch"), request, response);
  }

  private void continueWith(
      Pending ask, String launch, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (launch != null) {
      Optional<LaunchContext> context = tokens.launch(launch);
      if (context.isEmpty() || !ask.scopes().has("launch")) {
        redirectError(
            response,
            ask.redirectUri(),
            new String[] {"invalid_request", "unknown launch, or scope lacks launch"},
            ask.state());
        return;
      }
      issue(ask, context.get(), response);
    } else if (ask.scopes().has("launch/patient")) {
      String id = java.util.UUID.randomUUID().toString();
      pending.put(id, ask);
      picker.show(response, id, request.getParameter("q"), request.getRequestURI());
    } else {
      issue(ask, LaunchContext.NONE, response);
    }
  }

  /** The picker's form post: the chosen patient for a pending request. */
  void choosePatient(HttpServletRequest request, HttpServletResponse response) throws IOException {
    Pending ask = pending.remove(String.valueOf(request.getParameter("request")));
    String patient = request.getParameter("patient");
    if (ask == null) {
      page(response, 400, "This authorization request is unknown or was already answered.");
      return;
    }
    if (patient == null || !picker.exists(patient)) {
      redirectError(
          response,
          ask.redirectUri(),
          new String[] {"access_denied", "no patient was chosen"},
          ask.state());
      return;
    }
    issue(ask, new LaunchContext(patient, null), response);
  }

  private String check(HttpServletRequest request, String state) {
    if (!"code".equals(request.getParameter("response_type"))) {
      return "unsupported_response_type:response_type must be code";
    }
    if (state == null || state.isBlank()) {
      return "invalid_request:state is required";
    }
    if (!fhirRoot.get().equals(request.getParameter("aud"))) {
      return "invalid_request:aud must be the FHIR server root " + fhirRoot.get();
    }
    if (request.getParameter("code_challenge") == null
        || !"S256".equals(request.getParameter("code_challenge_method"))) {
      return "invalid_request:PKCE with code_challenge_method S256 is required";
    }
    return null;
  }

  private void issue(Pending ask, LaunchContext context, HttpServletResponse response)
      throws IOException {
    String code =
        tokens.mintCode(
            ask.client().clientId(), ask.redirectUri(), ask.challenge(), ask.scopes(), context);
    response.sendRedirect(
        ask.redirectUri()
            + separator(ask.redirectUri())
            + "code="
            + encode(code)
            + "&state="
            + encode(ask.state()));
  }

  private static void redirectError(
      HttpServletResponse response, String redirectUri, String[] error, String state)
      throws IOException {
    String location =
        redirectUri
            + separator(redirectUri)
            + "error="
            + encode(error[0])
            + (error.length > 1 ? "&error_description=" + encode(error[1]) : "")
            + (state == null ? "" : "&state=" + encode(state));
    response.sendRedirect(location);
  }

  static void page(HttpServletResponse response, int status, String message) throws IOException {
    response.setStatus(status);
    response.setContentType("text/html;charset=UTF-8");
    response
        .getWriter()
        .write(
            "<!DOCTYPE html><html><head><title>Authorization error</title></head><body>"
                + "<h1>Authorization error</h1><p id=\"error\">"
                + PatientPicker.escape(message)
                + "</p></body></html>");
  }

  private static String separator(String uri) {
    return uri.contains("?") ? "&" : "?";
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
