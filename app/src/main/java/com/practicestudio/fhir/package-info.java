/**
 * Cerner FHIR R4: mapping between Cerner's resources and Practice Studio's records, the FHIR
 * client, and what the product does with it (patient search and import, slot booking, pushing
 * results and documents, pulling them, delta sync).
 *
 * <p>Mappers ({@code *Mapper}) are pure: no I/O. Code values go through the code maps ({@link
 * com.practicestudio.fhir.CodeTranslator}); Cerner ids of referenced records become local ids
 * through {@link com.practicestudio.fhir.CernerReferences}. A coded value is read from its standard
 * coding first, then Cerner's proprietary coding (its numbers are the domain's own), then the
 * display text against the proprietary code set. Everything we send is built to pass the HAPI R4
 * validator with no errors and to meet Cerner's create rules; what Cerner would refuse is refused
 * here with a {@link com.practicestudio.fhir.FhirError} code naming the field.
 */
package com.practicestudio.fhir;
