package com.practicestudio.fhir;

import java.time.ZoneId;
import java.util.Set;

/**
 * What the FHIR and Millennium clients need to know of a Cerner domain.
 *
 * @param fhirRoot the FHIR R4 service root, tenant in the path, no trailing slash
 * @param scopes the system account's scopes, asked for on every token
 * @param timeZone the domain's time zone (its locations keep their times in it)
 * @param codeMapScope the code-map scope of this domain (its name); null for the defaults only
 * @param millenniumBase the Millennium web services' base URL; null when none
 * @param personSearch whether the Millennium Person search service is enabled
 * @param slotBooking whether the Millennium slot booking service is enabled
 */
public record FhirEndpoint(
    long domainId,
    String name,
    String fhirRoot,
    Set<String> scopes,
    ZoneId timeZone,
    String codeMapScope,
    String millenniumBase,
    boolean personSearch,
    boolean slotBooking) {

  public FhirEndpoint {
    scopes = Set.copyOf(scopes);
    fhirRoot = fhirRoot.endsWith("/") ? fhirRoot.substring(0, fhirRoot.length() - 1) : fhirRoot;
  }
}
