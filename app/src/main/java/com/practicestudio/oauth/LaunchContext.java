package com.practicestudio.oauth;

/**
 * What a SMART launch was about, as Cerner's token response said; any part may be null.
 *
 * @param patientId the Cerner patient id ({@code patient})
 * @param encounterId the Cerner encounter id ({@code encounter})
 * @param fhirUser the signed-in user as a FHIR reference, from the id token's {@code fhirUser}
 */
public record LaunchContext(String patientId, String encounterId, String fhirUser) {}
