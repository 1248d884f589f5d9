package com.practicestudio.ops.connectivity;

import com.practicestudio.cerner.CernerHttp;
import com.practicestudio.cerner.SmartScopes;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The FHIR-level checks: discovery document, CapabilityStatement against what the domain's scopes
 * need, and a sample read. Answers are parsed for counts and names only; bodies never reach a
 * detail (they may hold PHI).
 */
final class FhirProbe {

  static final String FHIR_JSON = "application/fhir+json";

  private final CernerHttp http;
  private final JsonMapper json;

  FhirProbe(CernerHttp http, JsonMapper json) {
    this.http = http;
    this.json = json;
  }

  /** The discovered token endpoint. */
  String discover(String fhirRoot) throws StepFailed {
    JsonNode smart =
        getJson(fhirRoot + "/.well-known/smart-configuration", "application/json", null);
    JsonNode token = smart.path("token_endpoint");
    if (!token.isString()) {
      throw new StepFailed(
          Failure.UNEXPECTED_ANSWER, "the smart-configuration names no token_endpoint");
    }
    return token.asString();
  }

  /** What the CapabilityStatement lacks of what {@code scopes} need, as "Type interaction". */
  List<String> missing(String fhirRoot, List<String> scopes, Map<String, Integer> offered)
      throws StepFailed {
    JsonNode statement = getJson(fhirRoot + "/metadata", FHIR_JSON, null);
    if (!"CapabilityStatement".equals(statement.path("resourceType").asString(""))) {
      throw new StepFailed(Failure.UNEXPECTED_ANSWER, "metadata is not a CapabilityStatement");
    }
    Map<String, Set<String>> offers = new LinkedHashMap<>();
    for (JsonNode rest : statement.path("rest")) {
      for (JsonNode resource : rest.path("resource")) {
        Set<String> interactions =
            offers.computeIfAbsent(resource.path("type").asString(""), t -> new LinkedHashSet<>());
        resource.path("interaction").forEach(i -> interactions.add(i.path("code").asString("")));
      }
    }
    offered.put("resources", offers.size());
    List<String> missing = new ArrayList<>();
    for (Map.Entry<String, Set<String>> need : needs(scopes).entrySet()) {
      Set<String> has = offers.getOrDefault(need.getKey(), Set.of());
      for (String interaction : need.getValue()) {
        boolean ok =
            interaction.equals("write")
                ? has.contains("create") || has.contains("update") || has.contains("patch")
                : has.contains(interaction);
        if (!ok) {
          missing.add(need.getKey() + " " + interaction);
        }
      }
    }
    return missing;
  }

  /** Patients found by {@code Patient?_id=}; or, without a test patient, a metadata read. */
  String sampleRead(String fhirRoot, String testPatientId, String token) throws StepFailed {
    if (testPatientId == null) {
      getJson(fhirRoot + "/metadata", FHIR_JSON, token);
      return "metadata read with the token (no test patient configured)";
    }
    String url =
        fhirRoot + "/Patient?_id=" + URLEncoder.encode(testPatientId, StandardCharsets.UTF_8);
    JsonNode bundle = getJson(url, FHIR_JSON, token);
    long found = 0;
    for (JsonNode entry : bundle.path("entry")) {
      if ("Patient".equals(entry.path("resource").path("resourceType").asString(""))) {
        found++;
      }
    }
    if (found == 0) {
      throw new StepFailed(
          Failure.TEST_PATIENT_NOT_FOUND, "Patient?_id=" + testPatientId + " found no patient");
    }
    return "Patient?_id=" + testPatientId + " found " + found + " patient";
  }

  /** Resource type → interactions the scopes need ({@code write}: any of create/update/patch). */
  static Map<String, Set<String>> needs(List<String> scopes) {
    Map<String, Set<String>> needs = new LinkedHashMap<>();
    for (String scope : scopes) {
      SmartScopes.resource(scope)
          .ifPresent(
              r -> {
                Set<String> interactions =
                    needs.computeIfAbsent(r.type(), t -> new LinkedHashSet<>());
                Set<Character> p = r.permissions();
                if (p.contains('r')) {
                  interactions.add("read");
                }
                if (p.contains('s')) {
                  interactions.add("search-type");
                }
                if (p.contains('c') && p.contains('u')) {
                  interactions.add("write");
                } else {
                  if (p.contains('c')) {
                    interactions.add("create");
                  }
                  if (p.contains('u')) {
                    interactions.add("write");
                  }
                }
              });
    }
    return needs;
  }

  private JsonNode getJson(String url, String accept, String token) throws StepFailed {
    HttpResponse<String> response;
    URI uri = URI.create(url);
    try {
      response = http.get(uri, accept, token);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StepFailed(Failure.READ_TIMEOUT, "interrupted");
    } catch (IOException e) {
      throw NetworkProbe.classify(e, uri.getHost());
    }
    int status = response.statusCode();
    if (status != 200) {
      Failure failure =
          token != null && status == 403 && !wrongTenant(response)
              ? Failure.SCOPE_MISSING
              : Failure.ofFhirStatus(status);
      throw new StepFailed(failure, "GET " + uri.getPath() + " answered HTTP " + status);
    }
    try {
      JsonNode node = json.readTree(response.body());
      if (node == null || !node.isObject()) {
        throw new StepFailed(Failure.UNEXPECTED_ANSWER, "GET " + uri.getPath() + ": not JSON");
      }
      return node;
    } catch (JacksonException e) {
      throw new StepFailed(Failure.UNEXPECTED_ANSWER, "GET " + uri.getPath() + ": not JSON");
    }
  }

  /**
   * Whether a 403 with a token is about the tenant, not a scope: an OperationOutcome whose issue is
   * not about scopes or tokens (Cerner answers scope gaps with issue code {@code forbidden} and a
   * diagnostic naming the scope; an unknown tenant has no token-related wording).
   */
  private boolean wrongTenant(HttpResponse<String> response) {
    try {
      JsonNode outcome = json.readTree(response.body());
      String text = outcome.path("issue").path(0).path("diagnostics").asString("");
      return text.toLowerCase(java.util.Locale.ROOT).contains("tenant");
    } catch (JacksonException e) {
      return false;
    }
  }
}
