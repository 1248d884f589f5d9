package com.practicestudio.sandbox;

import java.util.function.IntSupplier;

/**
 * Where the sandbox answers. The port is read when asked, so the URLs are right once the server has
 * bound a free port.
 */
public final class SandboxUrls {

  private static final String SMART_V1 = "/protocols/oauth2/profiles/smart-v1";

  private final String host;
  private final String tenant;
  private final IntSupplier port;

  public SandboxUrls(String host, String tenant, IntSupplier port) {
    this.host = host;
    this.tenant = tenant;
    this.port = port;
  }

  public String tenant() {
    return tenant;
  }

  /** {@code http://host:port} */
  public String root() {
    return "http://" + host + ":" + port.getAsInt();
  }

  /** The FHIR R4 service root, {@code http://host:port/r4/{tenant}}, also the token audience. */
  public String fhirRoot() {
    return root() + "/r4/" + tenant;
  }

  /**
   * The OAuth 2 base of this tenant: {@code /tenants/{tenant}/protocols/oauth2/profiles/smart-v1}.
   */
  public String oauthBase() {
    return root() + "/tenants/" + tenant + SMART_V1;
  }

  public String tokenUrl() {
    return oauthBase() + "/token";
  }

  public String authorizeUrl() {
    return oauthBase() + "/personas/provider/authorize";
  }

  public String introspectUrl() {
    return oauthBase() + "/introspect";
  }

  public String revokeUrl() {
    return oauthBase() + "/revoke";
  }

  public String jwksUrl() {
    return oauthBase() + "/jwks";
  }

  /**
   * The base of the Millennium web services ({@code /patient/v1/...}, {@code /scheduling/v1/...}).
   */
  public String millenniumBase() {
    return root();
  }

  /** The CCL service: {@code POST {cclBase}/run}, {@code GET {cclBase}/scripts}. */
  public String cclBase() {
    return root() + "/ccl/v1";
  }

  /** The admin endpoints (faults, request log, launch ids). */
  public String adminBase() {
    return root() + "/admin";
  }

  /** The path prefix (no host) of the tenant's OAuth endpoints. */
  public static String oauthPath(String tenant) {
    return "/tenants/" + tenant + SMART_V1;
  }
}
