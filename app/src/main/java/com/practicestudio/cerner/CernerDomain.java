package com.practicestudio.cerner;

import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A Cerner domain's settings, without secrets: whether a secret or private key is set is all this
 * view says about them. Read by the FHIR and Millennium clients; {@link #supports} says which
 * features are on.
 *
 * @param fhirRoot the FHIR R4 service root, tenant in the path, no trailing slash; also the SMART
 *     {@code aud} and the {@code iss} an EHR launch names
 * @param scopes the system account's scopes ({@code system/...})
 * @param smartScopes the SMART app's scopes ({@code launch openid fhirUser patient/...})
 * @param keyId the id of the private key for {@code private_key_jwt}, null when none was generated
 * @param publicJwks the public half of that key as a JWK Set (JSON), to register with Cerner
 * @param testPatientId a patient id the connectivity test may read, null for a metadata-only read
 */
public record CernerDomain(
    long id,
    String name,
    String fhirRoot,
    boolean enabled,
    String clientId,
    ClientAuthMethod clientAuth,
    boolean clientSecretSet,
    String keyId,
    String publicJwks,
    List<String> scopes,
    String smartClientId,
    boolean smartClientSecretSet,
    List<String> smartScopes,
    String millenniumBaseUrl,
    Set<MillenniumService> millenniumServices,
    MillenniumVersion millenniumVersion,
    ZoneId timeZone,
    String testPatientId,
    Discovery discovery,
    Instant createdAt,
    Instant updatedAt,
    int version) {

  public CernerDomain {
    scopes = List.copyOf(scopes);
    smartScopes = List.copyOf(smartScopes);
    millenniumServices =
        millenniumServices.isEmpty()
            ? Set.of()
            : java.util.Collections.unmodifiableSet(EnumSet.copyOf(millenniumServices));
    discovery = discovery == null ? Discovery.none() : discovery;
  }

  /**
   * Whether this domain offers {@code feature} now: the domain is enabled, its Millennium version
   * has the feature, and for the Millennium web services the service is enabled with a base URL.
   */
  public boolean supports(CernerFeature feature) {
    if (!enabled || !millenniumVersion.supports(feature)) {
      return false;
    }
    for (MillenniumService service : MillenniumService.values()) {
      if (service.feature() == feature) {
        return millenniumServices.contains(service) && millenniumBaseUrl != null;
      }
    }
    return true;
  }

  /** Every feature {@link #supports} allows. */
  public Set<CernerFeature> features() {
    Set<CernerFeature> on = EnumSet.noneOf(CernerFeature.class);
    for (CernerFeature feature : CernerFeature.values()) {
      if (supports(feature)) {
        on.add(feature);
      }
    }
    return on;
  }

  /** Whether the system account can ask for a token: a client id and its secret or key. */
  public boolean systemAccountConfigured() {
    return clientId != null
        && (clientAuth == ClientAuthMethod.CLIENT_SECRET_BASIC ? clientSecretSet : keyId != null);
  }
}
