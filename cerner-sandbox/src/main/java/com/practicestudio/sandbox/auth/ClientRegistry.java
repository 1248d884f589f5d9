package com.practicestudio.sandbox.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.JWKSet;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The registered clients. Filled from the command line (the system account) and from a JSON file:
 *
 * <pre>{@code
 * {"clients": [
 *   {"clientId": "app", "kind": "PUBLIC_APP", "scopes": "launch/patient patient/Patient.read",
 *    "redirectUris": ["http://localhost:9000/callback"]},
 *   {"clientId": "svc", "secret": "s3cret", "kind": "SYSTEM", "scopes": "system/Patient.read",
 *    "jwks": {"keys": [ ... ]}}
 * ]}
 * }</pre>
 */
public final class ClientRegistry {

  /** The resource types the sandbox serves. */
  public static final List<String> RESOURCE_TYPES =
      List.of(
          "Patient",
          "Practitioner",
          "Location",
          "Encounter",
          "Appointment",
          "Slot",
          "Schedule",
          "Observation",
          "DocumentReference",
          "Binary");

  private final Map<String, RegisteredClient> clients = new ConcurrentHashMap<>();

  public void register(RegisteredClient client) {
    clients.put(client.clientId(), client);
  }

  public Optional<RegisteredClient> find(String clientId) {
    return Optional.ofNullable(clientId).map(clients::get);
  }

  public List<RegisteredClient> all() {
    return List.copyOf(clients.values());
  }

  /**
   * Every scope of a context on every served resource type: {@code system/Patient.cruds} ... (and,
   * for the system context, the service scopes such as {@code system/ccl.run}).
   */
  public static ScopeSet allScopes(SmartScope.Context context) {
    String prefix = context.name().toLowerCase(java.util.Locale.ROOT) + "/";
    List<String> scopes = new ArrayList<>();
    RESOURCE_TYPES.forEach(type -> scopes.add(prefix + type + ".cruds"));
    if (context == SmartScope.Context.SYSTEM) {
      scopes.addAll(new java.util.TreeSet<>(ScopeSet.SERVICE_SCOPES));
    }
    return ScopeSet.parse(String.join(" ", scopes));
  }

  /** Reads clients from a JSON file (see the class comment). */
  public void load(Path file) throws IOException {
    JsonNode root = new ObjectMapper().readTree(file.toFile());
    for (JsonNode node : root.path("clients")) {
      register(parse(node));
    }
  }

  private static RegisteredClient parse(JsonNode node) throws IOException {
    String clientId = node.path("clientId").asText(null);
    if (clientId == null || clientId.isBlank()) {
      throw new IOException("a client has no clientId");
    }
    RegisteredClient.Kind kind = RegisteredClient.Kind.valueOf(node.path("kind").asText("SYSTEM"));
    List<URI> redirects = new ArrayList<>();
    node.path("redirectUris").forEach(uri -> redirects.add(URI.create(uri.asText())));
    JWKSet jwks = null;
    if (node.has("jwks")) {
      try {
        jwks = JWKSet.parse(node.get("jwks").toString());
      } catch (ParseException e) {
        throw new IOException("client " + clientId + ": bad jwks", e);
      }
    }
    String secret = node.path("secret").asText(null);
    ScopeSet scopes = ScopeSet.parse(node.path("scopes").asText(""));
    return new RegisteredClient(clientId, secret, kind, scopes, redirects, jwks);
  }
}
