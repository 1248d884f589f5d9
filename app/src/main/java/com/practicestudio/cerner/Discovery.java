package com.practicestudio.cerner;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a domain's FHIR server said about itself: its {@code .well-known/smart-configuration} (the
 * OAuth endpoints and advertised scopes) and its CapabilityStatement ({@code metadata}: resource
 * types and their interactions). The endpoints are those of the last successful discovery; a later
 * failed attempt keeps them and records its error.
 *
 * @param resources resource type → interactions ({@code read}, {@code search-type}, {@code create},
 *     …) from the CapabilityStatement; empty when it could not be read
 * @param discoveredAt when discovery last succeeded; null if it never did
 * @param attemptedAt when discovery was last tried
 * @param error why the last attempt failed, null when it succeeded
 * @param capabilityError why the CapabilityStatement could not be read, null when it was
 */
public record Discovery(
    String issuer,
    String authorizeUrl,
    String tokenUrl,
    String introspectUrl,
    String revokeUrl,
    String jwksUrl,
    List<String> scopesSupported,
    List<String> authMethods,
    List<String> capabilities,
    Map<String, List<String>> resources,
    Instant discoveredAt,
    Instant attemptedAt,
    String error,
    String capabilityError) {

  public Discovery {
    scopesSupported = scopesSupported == null ? List.of() : List.copyOf(scopesSupported);
    authMethods = authMethods == null ? List.of() : List.copyOf(authMethods);
    capabilities = capabilities == null ? List.of() : List.copyOf(capabilities);
    resources = resources == null ? Map.of() : Map.copyOf(resources);
  }

  /** Nothing discovered yet. */
  public static Discovery none() {
    return new Discovery(
        null, null, null, null, null, null, null, null, null, null, null, null, null, null);
  }

  /** Whether the last attempt succeeded. */
  public boolean ok() {
    return discoveredAt != null && error == null;
  }

  /** Whether the CapabilityStatement's resource list is known. */
  public boolean knowsResources() {
    return !resources.isEmpty();
  }

  /** This discovery's endpoints, with a failed attempt recorded. */
  public Discovery failed(Instant at, String why) {
    return new Discovery(
        issuer,
        authorizeUrl,
        tokenUrl,
        introspectUrl,
        revokeUrl,
        jwksUrl,
        scopesSupported,
        authMethods,
        capabilities,
        resources,
        discoveredAt,
        at,
        why,
        capabilityError);
  }
}
