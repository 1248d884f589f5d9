package com.practicestudio.sandbox.auth;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The scopes of a grant: resource scopes plus the others SMART defines (launch, launch/patient,
 * openid, fhirUser, offline_access, online_access), plus the sandbox's service scopes ({@link
 * #CCL_RUN}).
 */
public record ScopeSet(List<SmartScope> resourceScopes, Set<String> raw) {

  /**
   * Runs CCL through the sandbox's CCL service. Cerner publishes no CCL API, so this system scope
   * is the sandbox's own.
   */
  public static final String CCL_RUN = "system/ccl.run";

  /** System scopes that name a service rather than a FHIR resource type. */
  public static final Set<String> SERVICE_SCOPES = Set.of(CCL_RUN);

  private static final Set<String> OTHER_SCOPES =
      Set.of(
          "launch",
          "launch/patient",
          "launch/encounter",
          "openid",
          "fhirUser",
          "profile",
          "offline_access",
          "online_access");

  public ScopeSet {
    resourceScopes = List.copyOf(resourceScopes);
    raw = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(raw));
  }

  /**
   * Parses a space-separated scope string.
   *
   * @throws IllegalArgumentException naming the first scope that is neither a resource scope nor a
   *     known SMART scope (wildcards included)
   */
  public static ScopeSet parse(String text) {
    List<SmartScope> scopes = new ArrayList<>();
    Set<String> raw = new LinkedHashSet<>();
    for (String token : text == null ? new String[0] : text.trim().split("\\s+")) {
      if (token.isEmpty()) {
        continue;
      }
      Optional<SmartScope> scope = SmartScope.parse(token);
      if (scope.isPresent()) {
        scopes.add(scope.get());
      } else if (!OTHER_SCOPES.contains(token) && !SERVICE_SCOPES.contains(token)) {
        throw new IllegalArgumentException("unsupported scope " + token);
      }
      raw.add(token);
    }
    return new ScopeSet(scopes, raw);
  }

  public boolean has(String scope) {
    return raw.contains(scope);
  }

  /** Whether the grant holds a service scope (see {@link #SERVICE_SCOPES}). */
  public boolean hasServiceScope() {
    return raw.stream().anyMatch(SERVICE_SCOPES::contains);
  }

  public boolean isEmpty() {
    return raw.isEmpty();
  }

  /** The first scope not granted by {@code allowed}, if any. */
  public Optional<String> firstNotAllowedBy(ScopeSet allowed) {
    for (String token : raw) {
      Optional<SmartScope> scope = SmartScope.parse(token);
      boolean ok =
          scope.isPresent()
              ? allowed.resourceScopes().stream().anyMatch(a -> scope.get().within(a))
              : allowed.has(token);
      if (!ok) {
        return Optional.of(token);
      }
    }
    return Optional.empty();
  }

  /**
   * The broadest context in which this grant allows {@code permission} on {@code type} (system,
   * then user, then patient), or empty.
   */
  public Optional<SmartScope.Context> contextFor(String type, SmartScope.Permission permission) {
    return resourceScopes.stream()
        .filter(scope -> scope.grants(type, permission))
        .map(SmartScope::context)
        .max(Enum::compareTo);
  }

  @Override
  public String toString() {
    return String.join(" ", raw);
  }
}
