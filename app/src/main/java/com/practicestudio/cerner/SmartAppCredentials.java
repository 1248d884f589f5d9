package com.practicestudio.cerner;

import java.util.List;

/**
 * What the SMART launch needs from a domain: where to send the user, where to exchange the code,
 * and the app's registration. {@link #toString} hides the secret.
 *
 * @param clientSecret the app's secret (confidential app, HTTP Basic); null for a public app
 */
public record SmartAppCredentials(
    long domainId,
    String domainName,
    boolean enabled,
    String fhirRoot,
    String authorizeUrl,
    String tokenUrl,
    String revokeUrl,
    String clientId,
    String clientSecret,
    List<String> scopes) {

  public SmartAppCredentials {
    scopes = List.copyOf(scopes);
  }

  public boolean confidential() {
    return clientSecret != null;
  }

  @Override
  public String toString() {
    return "SmartAppCredentials[domain=" + domainId + ", clientId=" + clientId + ", secret hidden]";
  }
}
