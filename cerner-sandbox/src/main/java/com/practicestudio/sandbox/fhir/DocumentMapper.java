package com.practicestudio.sandbox.fhir;

import com.practicestudio.sandbox.data.DocumentRecord;
import java.util.Date;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations.DocumentReferenceStatus;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;

/** Clinical documents → DocumentReference (pointing at its Binary) and Binary. */
public final class DocumentMapper {

  static final String CATEGORY_SYSTEM =
      "http://hl7.org/fhir/us/core/CodeSystem/us-core-documentreference-category";

  /**
   * The document's reference.
   *
   * @param fhirBase the server base the Binary URL is built on
   */
  public DocumentReference toFhir(DocumentRecord record, String fhirBase) {
    DocumentReference reference = new DocumentReference();
    reference.setId(Long.toString(record.documentId()));
    reference.getMeta().setVersionId(Integer.toString(record.version()));
    reference.getMeta().setLastUpdated(Date.from(record.created()));
    reference.setStatus(DocumentReferenceStatus.fromCode(record.status()));
    reference.setDocStatus(DocumentReference.ReferredDocumentStatus.FINAL);
    reference.setType(ObservationMapper.concept(record.type()));
    reference.addCategory(
        new CodeableConcept(new Coding(CATEGORY_SYSTEM, "clinical-note", "Clinical Note"))
            .setText("Clinical Note"));
    reference.setSubject(new Reference("Patient/" + record.patientId()));
    reference.setDate(Date.from(record.created()));
    if (record.authorId() != null) {
      reference.addAuthor(new Reference("Practitioner/" + record.authorId()));
    }
    reference.setDescription(record.title());
    reference
        .addContent()
        .getAttachment()
        .setContentType(record.contentType())
        .setUrl(fhirBase + "/Binary/" + record.binaryId())
        .setTitle(record.title())
        .setCreation(Date.from(record.created()));
    if (record.encounterId() != null) {
      reference.getContext().addEncounter(new Reference("Encounter/" + record.encounterId()));
    }
    reference
        .getContext()
        .setPeriod(
            new Period().setStart(Date.from(record.created())).setEnd(Date.from(record.created())));
    return reference;
  }

  public Binary binary(DocumentRecord record) {
    Binary binary = new Binary();
    binary.setId(record.binaryId());
    binary.setContentType(record.contentType());
    binary.setData(record.content());
    binary.setSecurityContext(new Reference("Patient/" + record.patientId()));
    return binary;
  }
}
