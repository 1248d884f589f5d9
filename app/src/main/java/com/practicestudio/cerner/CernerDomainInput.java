package com.practicestudio.cerner;

import java.util.List;

/**
 * A Cerner domain as the API and the console send it (also for {@link CernerDomains#upsertByName}).
 * Secrets are write-only: a null or blank {@code clientSecret} or {@code smartClientSecret} keeps
 * the one stored. Everything else replaces what is stored; a null {@code enabled} means enabled.
 *
 * @param clientAuth {@code client_secret_basic} (default) or {@code private_key_jwt}
 * @param millenniumVersion {@code 2015}, {@code 2018}, {@code 2020+} or {@code CommunityWorks}
 * @param millenniumServices {@code person-search}, {@code slot-booking}
 * @param timeZone an IANA zone id, e.g. {@code America/Chicago}
 */
public record CernerDomainInput(
    String name,
    String fhirRoot,
    Boolean enabled,
    String clientId,
    String clientAuth,
    String clientSecret,
    List<String> scopes,
    String smartClientId,
    String smartClientSecret,
    List<String> smartScopes,
    String millenniumBaseUrl,
    List<String> millenniumServices,
    String millenniumVersion,
    String timeZone,
    String testPatientId) {

  /** Hides the secrets (records print every field otherwise). */
  @Override
  public String toString() {
    return "CernerDomainInput[name=" + name + ", fhirRoot=" + fhirRoot + ", secrets hidden]";
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds an input field by field (e.g. for the demo's sandbox domain). */
  public static final class Builder {
    private String name;
    private String fhirRoot;
    private Boolean enabled = true;
    private String clientId;
    private String clientAuth = ClientAuthMethod.CLIENT_SECRET_BASIC.wire();
    private String clientSecret;
    private List<String> scopes = List.of();
    private String smartClientId;
    private String smartClientSecret;
    private List<String> smartScopes = List.of();
    private String millenniumBaseUrl;
    private List<String> millenniumServices = List.of();
    private String millenniumVersion = MillenniumVersion.V2020_PLUS.wire();
    private String timeZone = "UTC";
    private String testPatientId;

    public Builder name(String value) {
      name = value;
      return this;
    }

    public Builder fhirRoot(String value) {
      fhirRoot = value;
      return this;
    }

    public Builder enabled(boolean value) {
      enabled = value;
      return this;
    }

    /** A system account with HTTP Basic client authentication. */
    public Builder systemAccount(String id, String secret) {
      clientId = id;
      clientSecret = secret;
      clientAuth = ClientAuthMethod.CLIENT_SECRET_BASIC.wire();
      return this;
    }

    /** A system account authenticating with a private key ({@code private_key_jwt}). */
    public Builder keyAccount(String id) {
      clientId = id;
      clientAuth = ClientAuthMethod.PRIVATE_KEY_JWT.wire();
      return this;
    }

    public Builder scopes(List<String> value) {
      scopes = value;
      return this;
    }

    /** The SMART app registration; {@code secret} null for a public app. */
    public Builder smartApp(String id, String secret, List<String> appScopes) {
      smartClientId = id;
      smartClientSecret = secret;
      smartScopes = appScopes;
      return this;
    }

    public Builder millennium(String baseUrl, List<String> services, String version) {
      millenniumBaseUrl = baseUrl;
      millenniumServices = services;
      millenniumVersion = version;
      return this;
    }

    public Builder timeZone(String value) {
      timeZone = value;
      return this;
    }

    public Builder testPatientId(String value) {
      testPatientId = value;
      return this;
    }

    public CernerDomainInput build() {
      return new CernerDomainInput(
          name,
          fhirRoot,
          enabled,
          clientId,
          clientAuth,
          clientSecret,
          scopes,
          smartClientId,
          smartClientSecret,
          smartScopes,
          millenniumBaseUrl,
          millenniumServices,
          millenniumVersion,
          timeZone,
          testPatientId);
    }
  }
}
