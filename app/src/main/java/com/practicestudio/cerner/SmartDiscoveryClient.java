package com.practicestudio.cerner;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLException;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Discovers a FHIR server: {@code {root}/.well-known/smart-configuration} for the OAuth endpoints
 * and scopes, {@code {root}/metadata} for the resources and interactions (and, when the former is
 * missing, the token and authorize URLs from the SMART {@code oauth-uris} extension).
 */
@Component
class SmartDiscoveryClient {

  static final String FHIR_JSON = "application/fhir+json";
  private static final String OAUTH_URIS =
      "http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris";

  private final CernerHttp http;
  private final JsonMapper json;
  private final Clock clock;

  SmartDiscoveryClient(CernerHttp http, JsonMapper json, Clock clock) {
    this.http = http;
    this.json = json;
    this.clock = clock;
  }

  /** A fresh discovery of {@code fhirRoot}; on failure {@code previous} with the error recorded. */
  Discovery discover(String fhirRoot, Discovery previous) {
    Instant now = clock.instant();
    JsonNode smart;
    String smartError = null;
    try {
      smart = fetch(URI.create(fhirRoot + "/.well-known/smart-configuration"), "application/json");
    } catch (FetchException e) {
      smart = null;
      smartError = "smart-configuration: " + e.getMessage();
    }
    JsonNode metadata;
    String capabilityError = null;
    try {
      metadata = fetch(URI.create(fhirRoot + "/metadata"), FHIR_JSON);
    } catch (FetchException e) {
      metadata = null;
      capabilityError = "metadata: " + e.getMessage();
    }
    Map<String, String> oauthUris = metadata == null ? Map.of() : oauthUris(metadata);
    if (smart == null && !oauthUris.containsKey("token")) {
      return (previous == null ? Discovery.none() : previous).failed(now, smartError);
    }
    JsonNode s = smart == null ? json.createObjectNode() : smart;
    return new Discovery(
        text(s, "issuer"),
        first(text(s, "authorization_endpoint"), oauthUris.get("authorize")),
        first(text(s, "token_endpoint"), oauthUris.get("token")),
        text(s, "introspection_endpoint"),
        text(s, "revocation_endpoint"),
        text(s, "jwks_uri"),
        strings(s.path("scopes_supported")),
        strings(s.path("token_endpoint_auth_methods_supported")),
        strings(s.path("capabilities")),
        metadata == null ? Map.of() : resources(metadata),
        now,
        now,
        null,
        capabilityError);
  }

  private JsonNode fetch(URI uri, String accept) throws FetchException {
    HttpResponse<String> response;
    try {
      response = http.get(uri, accept, null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FetchException("interrupted");
    } catch (IOException e) {
      throw new FetchException(describe(e, uri));
    }
    if (response.statusCode() != 200) {
      throw new FetchException("HTTP " + response.statusCode() + hint(response.statusCode()));
    }
    try {
      JsonNode node = json.readTree(response.body());
      if (node == null || !node.isObject()) {
        throw new FetchException("the answer is not a JSON object");
      }
      return node;
    } catch (JacksonException e) {
      throw new FetchException("the answer is not JSON");
    }
  }

  static String describe(IOException e, URI uri) {
    if (e instanceof UnknownHostException) {
      return "cannot resolve host " + uri.getHost();
    }
    if (e instanceof HttpConnectTimeoutException) {
      return "connecting to " + uri.getHost() + " timed out";
    }
    if (e instanceof HttpTimeoutException) {
      return "no answer in time";
    }
    if (e instanceof ConnectException || e.getCause() instanceof ConnectException) {
      return "connection refused by " + uri.getHost() + ":" + port(uri);
    }
    if (e instanceof SSLException || e.getCause() instanceof SSLException) {
      return "TLS handshake with " + uri.getHost() + " failed";
    }
    return "connection failed (" + e.getClass().getSimpleName() + ")";
  }

  private static int port(URI uri) {
    return uri.getPort() > 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
  }

  private static String hint(int status) {
    return switch (status) {
      case 401, 403, 404 -> " (wrong tenant id or FHIR root?)";
      default -> status >= 500 ? " (server error)" : "";
    };
  }

  private static Map<String, List<String>> resources(JsonNode metadata) {
    Map<String, List<String>> resources = new LinkedHashMap<>();
    for (JsonNode rest : metadata.path("rest")) {
      for (JsonNode resource : rest.path("resource")) {
        List<String> interactions = new ArrayList<>();
        resource.path("interaction").forEach(i -> interactions.add(i.path("code").asString("")));
        String type = resource.path("type").asString("");
        if (!type.isEmpty()) {
          resources.merge(type, interactions, SmartDiscoveryClient::union);
        }
      }
    }
    return resources;
  }

  private static Map<String, String> oauthUris(JsonNode metadata) {
    Map<String, String> uris = new LinkedHashMap<>();
    for (JsonNode rest : metadata.path("rest")) {
      for (JsonNode extension : rest.path("security").path("extension")) {
        if (OAUTH_URIS.equals(extension.path("url").asString(""))) {
          for (JsonNode uri : extension.path("extension")) {
            uris.put(uri.path("url").asString(""), uri.path("valueUri").asString(null));
          }
        }
      }
    }
    return uris;
  }

  private static List<String> union(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    b.stream().filter(x -> !all.contains(x)).forEach(all::add);
    return all;
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asString("")));
    return values;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isString() ? value.asString() : null;
  }

  private static String first(String a, String b) {
    return a != null ? a : b;
  }

  /** A fetch that did not give a JSON object; the message says why, without the body. */
  static final class FetchException extends Exception {
    FetchException(String message) {
      super(message, null, false, false);
    }
  }
}
