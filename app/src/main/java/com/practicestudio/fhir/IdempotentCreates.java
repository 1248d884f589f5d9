package com.practicestudio.fhir;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;

/**
 * Creates that are safe to repeat after a lost answer: Cerner has no conditional create and keeps
 * no client-assigned identifiers on Observation and DocumentReference, so each create first
 * searches the patient's records for the same one (same code, same effective time to the second,
 * same value; for documents the same type, date, title and content type) and answers its id when
 * found.
 */
public final class IdempotentCreates {

  /** The id of the observation in Cerner: found, or created now. */
  public String observation(CernerFhirClient client, Observation resource) {
    String patient = patientOf(resource.getSubject());
    Coding code = resource.getCode().getCodingFirstRep();
    Instant effective = resource.getEffectiveDateTimeType().getValue().toInstant();
    List<Observation> same =
        client.observations(
            patient, code.getSystem() + "|" + code.getCode(), effective, effective.plusSeconds(1));
    Optional<String> existing =
        same.stream()
            .filter(o -> sameValue(o, resource))
            .map(o -> o.getIdElement().getIdPart())
            .findFirst();
    return existing.orElseGet(() -> client.create(resource));
  }

  /** The id of the document in Cerner: found, or created now. */
  public String document(CernerFhirClient client, DocumentReference resource) {
    String patient = patientOf(resource.getSubject());
    Coding type = resource.getType().getCodingFirstRep();
    Instant date = resource.getDate().toInstant();
    List<DocumentReference> same =
        client.documents(
            patient, type.getSystem() + "|" + type.getCode(), date, date.plusSeconds(1));
    String contentType = resource.getContentFirstRep().getAttachment().getContentType();
    Optional<String> existing =
        same.stream()
            .filter(d -> Objects.equals(d.getDescription(), resource.getDescription()))
            .filter(
                d ->
                    DocumentMapper.baseType(d.getContentFirstRep().getAttachment().getContentType())
                        .equals(DocumentMapper.baseType(contentType)))
            .map(d -> d.getIdElement().getIdPart())
            .findFirst();
    return existing.orElseGet(() -> client.create(resource));
  }

  private static String patientOf(org.hl7.fhir.r4.model.Reference subject) {
    return CernerReferences.idOf(subject, "Patient")
        .orElseThrow(
            () -> new FhirMappingException(FhirError.INCOMPLETE, "subject", "names no Patient"));
  }

  private static boolean sameValue(Observation found, Observation sent) {
    if (sent.hasValueQuantity()) {
      return found.hasValueQuantity() && same(found.getValueQuantity(), sent.getValueQuantity());
    }
    if (found.getComponent().size() != sent.getComponent().size()) {
      return false;
    }
    for (int i = 0; i < sent.getComponent().size(); i++) {
      var a = found.getComponent().get(i);
      var b = sent.getComponent().get(i);
      if (!a.hasValueQuantity() || !same(a.getValueQuantity(), b.getValueQuantity())) {
        return false;
      }
    }
    return true;
  }

  private static boolean same(Quantity a, Quantity b) {
    BigDecimal x = a.getValue();
    BigDecimal y = b.getValue();
    return x != null
        && y != null
        && x.compareTo(y) == 0
        && Objects.equals(a.getCode(), b.getCode());
  }
}
