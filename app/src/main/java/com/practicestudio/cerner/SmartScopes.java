package com.practicestudio.cerner;

import com.practicestudio.web.FieldChecks;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SMART scopes as a domain may request them: resource scopes in v1 ({@code system/Patient.read}) or
 * v2 form ({@code system/Patient.rs}), and SMART's launch and identity scopes. Wildcards are
 * refused (Cerner grants none), and so is any resource type the server does not offer.
 */
public final class SmartScopes {

  /** The non-resource scopes SMART App Launch defines. */
  public static final Set<String> LAUNCH_SCOPES =
      Set.of(
          "launch",
          "launch/patient",
          "launch/encounter",
          "openid",
          "fhirUser",
          "profile",
          "offline_access",
          "online_access");

  private static final Pattern RESOURCE =
      Pattern.compile("^(patient|user|system)/([A-Za-z]+|\\*)\\.([a-z*]+)(\\?.*)?$");
  private static final Pattern V2_PERMISSIONS = Pattern.compile("^c?r?u?d?s?$");

  /** A parsed resource scope. */
  public record ResourceScope(String context, String type, Set<Character> permissions) {

    public boolean reads() {
      return permissions.contains('r') || permissions.contains('s');
    }

    public boolean writes() {
      return permissions.contains('c') || permissions.contains('u') || permissions.contains('d');
    }
  }

  private SmartScopes() {}

  /** Splits a space-separated scope string; duplicates dropped, order kept. */
  public static List<String> split(String scopes) {
    if (scopes == null || scopes.isBlank()) {
      return List.of();
    }
    return List.copyOf(new LinkedHashSet<>(List.of(scopes.strip().split("\\s+"))));
  }

  /** A resource scope, or empty when {@code scope} is not one (or uses a wildcard). */
  public static Optional<ResourceScope> resource(String scope) {
    Matcher m = RESOURCE.matcher(scope);
    if (!m.matches() || m.group(2).equals("*") || m.group(3).contains("*")) {
      return Optional.empty();
    }
    String perms = m.group(3);
    Set<Character> permissions = new LinkedHashSet<>();
    switch (perms) {
      case "read" -> permissions.addAll(List.of('r', 's'));
      case "write" -> permissions.addAll(List.of('c', 'u', 'd'));
      default -> {
        if (perms.isEmpty() || !V2_PERMISSIONS.matcher(perms).matches()) {
          return Optional.empty();
        }
        perms.chars().forEach(c -> permissions.add((char) c));
      }
    }
    return Optional.of(new ResourceScope(m.group(1), m.group(2), permissions));
  }

  /**
   * Checks scopes for a field: each must be a launch scope or a resource scope of an allowed
   * context, without wildcards, on a resource type the server offers (when discovery knows).
   *
   * @param systemAccount true for a system account's scopes (only {@code system/}), false for a
   *     SMART app's (no {@code system/})
   */
  static void check(
      FieldChecks checks,
      String field,
      List<String> scopes,
      boolean systemAccount,
      Discovery discovery) {
    List<String> problems = new ArrayList<>();
    for (String scope : scopes) {
      problem(scope, systemAccount, discovery).ifPresent(problems::add);
    }
    if (!problems.isEmpty()) {
      checks.problem(field, String.join("; ", problems));
    }
  }

  private static Optional<String> problem(
      String scope, boolean systemAccount, Discovery discovery) {
    if (scope.contains("*")) {
      return Optional.of(scope + " is a wildcard; Cerner grants none, name each resource");
    }
    if (LAUNCH_SCOPES.contains(scope)) {
      return systemAccount
          ? Optional.of(scope + " is a SMART launch scope; a system account cannot use it")
          : Optional.empty();
    }
    Optional<ResourceScope> parsed = resource(scope);
    if (parsed.isEmpty()) {
      return Optional.of(scope + " is not a SMART scope");
    }
    ResourceScope resource = parsed.get();
    boolean system = resource.context().equals("system");
    if (systemAccount != system) {
      return Optional.of(
          scope
              + (systemAccount
                  ? " is not a system/ scope"
                  : " is a system/ scope; SMART apps use patient/ or user/"));
    }
    return offered(scope, resource, discovery);
  }

  private static Optional<String> offered(
      String scope, ResourceScope resource, Discovery discovery) {
    if (discovery == null || !discovery.knowsResources()) {
      return Optional.empty();
    }
    if (discovery.scopesSupported().contains(scope)) {
      return Optional.empty();
    }
    List<String> interactions = discovery.resources().get(resource.type());
    if (interactions == null) {
      return Optional.of(scope + ": the server offers no " + resource.type() + " resource");
    }
    boolean writable =
        interactions.stream()
            .map(i -> i.toLowerCase(Locale.ROOT))
            .anyMatch(i -> i.equals("create") || i.equals("update") || i.equals("patch"));
    if (resource.writes() && !resource.reads() && !writable) {
      return Optional.of(scope + ": the server offers no write on " + resource.type());
    }
    return Optional.empty();
  }
}
