package com.practicestudio.cerner;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A domain as the API shows it: secrets only as {@code clientSecretSet} / {@code
 * smartClientSecretSet}, the public key as a JWK Set, the features the version and settings allow,
 * and the addresses to register the SMART app with.
 */
record CernerDomainJson(
    long id,
    String name,
    String fhirRoot,
    boolean enabled,
    String clientId,
    String clientAuth,
    boolean clientSecretSet,
    String keyId,
    Map<String, Object> publicJwks,
    List<String> scopes,
    String smartClientId,
    boolean smartClientSecretSet,
    List<String> smartScopes,
    String smartRedirectUri,
    String smartLaunchUrl,
    String millenniumBaseUrl,
    List<String> millenniumServices,
    String millenniumVersion,
    String timeZone,
    String testPatientId,
    List<String> features,
    DiscoveryJson discovery,
    Instant createdAt,
    Instant updatedAt,
    int version) {

  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  /** What discovery found, and whether its last attempt worked. */
  record DiscoveryJson(
      boolean ok,
      Instant discoveredAt,
      Instant attemptedAt,
      String error,
      String capabilityError,
      String issuer,
      String authorizeUrl,
      String tokenUrl,
      String introspectUrl,
      String revokeUrl,
      String jwksUrl,
      List<String> scopesSupported,
      List<String> authMethods,
      List<String> capabilities,
      Map<String, List<String>> resources) {

    static DiscoveryJson of(Discovery d) {
      return new DiscoveryJson(
          d.ok(),
          d.discoveredAt(),
          d.attemptedAt(),
          d.error(),
          d.capabilityError(),
          d.issuer(),
          d.authorizeUrl(),
          d.tokenUrl(),
          d.introspectUrl(),
          d.revokeUrl(),
          d.jwksUrl(),
          d.scopesSupported(),
          d.authMethods(),
          d.capabilities(),
          d.resources());
    }
  }

  static CernerDomainJson of(CernerDomain d, SmartRegistration registration, JsonMapper json) {
    return new CernerDomainJson(
        d.id(),
        d.name(),
        d.fhirRoot(),
        d.enabled(),
        d.clientId(),
        d.clientAuth().wire(),
        d.clientSecretSet(),
        d.keyId(),
        d.publicJwks() == null ? null : json.readValue(d.publicJwks(), MAP),
        d.scopes(),
        d.smartClientId(),
        d.smartClientSecretSet(),
        d.smartScopes(),
        registration.redirectUri(),
        registration.launchUrl(),
        d.millenniumBaseUrl(),
        d.millenniumServices().stream().map(MillenniumService::wire).toList(),
        d.millenniumVersion().wire(),
        d.timeZone().getId(),
        d.testPatientId(),
        d.features().stream().map(CernerFeature::wire).toList(),
        DiscoveryJson.of(d.discovery()),
        d.createdAt(),
        d.updatedAt(),
        d.version());
  }
}
