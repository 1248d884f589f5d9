package com.practicestudio.cerner;

import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/** A checked, normalised {@link CernerDomainInput}; secrets still in the clear (null = keep). */
record DomainValues(
    String name,
    String fhirRoot,
    boolean enabled,
    String clientId,
    ClientAuthMethod clientAuth,
    String clientSecret,
    List<String> scopes,
    String smartClientId,
    String smartClientSecret,
    List<String> smartScopes,
    String millenniumBaseUrl,
    Set<MillenniumService> millenniumServices,
    MillenniumVersion millenniumVersion,
    ZoneId timeZone,
    String testPatientId) {

  @Override
  public String toString() {
    return "DomainValues[name=" + name + ", secrets hidden]";
  }
}
