/**
 * Cerner Millennium web services: Person search ({@code POST /patient/v1/Patient/search}) and slot
 * booking ({@code POST /scheduling/v1/slots/{id}/book}), used where a domain enables them. Same
 * tokens ({@link com.practicestudio.fhir.TokenSource}), errors ({@link
 * com.practicestudio.fhir.CernerFhirException} with Cerner's request id) and retry rules as the
 * FHIR client: 401 → a fresh token once, 429/503 → the caller decides with {@code Retry-After}.
 */
package com.practicestudio.millennium;
