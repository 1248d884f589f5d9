package com.practicestudio.fhir;

import com.practicestudio.clinical.ClinicalDocument;
import com.practicestudio.clinical.DocumentContent;
import com.practicestudio.clinical.DocumentDraft;
import com.practicestudio.clinical.DocumentType;
import java.util.Base64;
import java.util.Date;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations.DocumentReferenceStatus;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;

/**
 * Clinical documents both ways. What we send is what Cerner's DocumentReference create takes:
 * status {@code current}, a LOINC type, the Patient subject, a date with a time, and exactly one
 * attachment holding the document as base64 in a MIME type Cerner allows ({@link #MIME_TYPES}).
 * What we read is the reference's metadata plus the Binary its attachment points at. Pure: no I/O.
 */
public final class DocumentMapper {

  /** The content types Cerner's DocumentReference create accepts. */
  public static final Set<String> MIME_TYPES =
      Set.of(
          "application/pdf",
          "text/plain",
          "text/richtext",
          "text/rtf",
          "text/html",
          "application/xml",
          "text/xml",
          "application/xhtml+xml");

  /**
   * @param authorFhirId the author's Cerner Practitioner id, or null
   * @param encounterFhirId the encounter's Cerner id, or null
   */
  public DocumentReference toFhir(
      ClinicalDocument document,
      DocumentContent content,
      String patientFhirId,
      String encounterFhirId,
      String authorFhirId) {
    if (!"current".equals(document.status())) {
      throw new FhirMappingException(FhirError.UNMAPPABLE, "status", "must be current");
    }
    String mime = baseType(content.contentType());
    if (!MIME_TYPES.contains(mime)) {
      throw new FhirMappingException(
          FhirError.UNMAPPABLE, "contentType", "is not a type Cerner accepts: " + mime);
    }
    DocumentType type = document.type();
    DocumentReference fhir = new DocumentReference();
    fhir.setStatus(DocumentReferenceStatus.CURRENT);
    fhir.setDocStatus(DocumentReference.ReferredDocumentStatus.FINAL);
    fhir.setType(
        new CodeableConcept(new Coding(FhirSystems.LOINC, type.code(), type.display()))
            .setText(type.display() != null ? type.display() : document.title()));
    fhir.addCategory(
        new CodeableConcept(
                new Coding(FhirSystems.DOCUMENT_CATEGORY, "clinical-note", "Clinical Note"))
            .setText("Clinical Note"));
    fhir.setSubject(new Reference("Patient/" + patientFhirId));
    fhir.setDate(Date.from(document.createdTime()));
    if (authorFhirId != null) {
      fhir.addAuthor(new Reference("Practitioner/" + authorFhirId));
    }
    fhir.setDescription(document.title());
    fhir.addContent()
        .setAttachment(
            new Attachment()
                .setContentType(mime)
                .setData(content.bytes())
                .setTitle(document.title())
                .setCreationElement(
                    new org.hl7.fhir.r4.model.DateTimeType(Date.from(document.createdTime()))));
    if (encounterFhirId != null) {
      fhir.getContext().addEncounter(new Reference("Encounter/" + encounterFhirId));
    }
    return fhir;
  }

  /** The Binary id the reference's attachment points at ({@code …/Binary/XR-123} → XR-123). */
  public static Optional<String> binaryId(DocumentReference reference) {
    Attachment attachment = reference.getContentFirstRep().getAttachment();
    if (!attachment.hasUrl()) {
      return Optional.empty();
    }
    IdType id = new IdType(attachment.getUrl());
    return "Binary".equals(id.getResourceType()) && id.hasIdPart()
        ? Optional.of(id.getIdPart())
        : Optional.empty();
  }

  /**
   * The draft of a document Cerner holds, with its content from the attachment's data or, when the
   * attachment points at one, the Binary.
   *
   * @param binary the Binary read from the attachment's URL; null when the data is inline
   */
  public DocumentDraft toDraft(
      DocumentReference reference, Binary binary, CernerReferences references) {
    String patient =
        CernerReferences.idOf(reference.getSubject(), "Patient")
            .orElseThrow(
                () ->
                    new FhirMappingException(
                        FhirError.INCOMPLETE,
                        "DocumentReference.subject",
                        "must reference a Patient"));
    Long patientId =
        references
            .patient(patient)
            .orElseThrow(
                () ->
                    new FhirMappingException(
                        FhirError.UNKNOWN_REFERENCE,
                        "DocumentReference.subject",
                        "the patient is not linked"));
    Attachment attachment = reference.getContentFirstRep().getAttachment();
    byte[] bytes = binary != null ? binary.getData() : attachment.getData();
    String contentType = binary != null ? binary.getContentType() : attachment.getContentType();
    if (bytes == null || contentType == null) {
      throw new FhirMappingException(
          FhirError.INCOMPLETE, "DocumentReference.content", "holds no document");
    }
    Coding loinc =
        Concepts.coding(reference.getType(), FhirSystems.LOINC)
            .orElseThrow(
                () ->
                    new FhirMappingException(
                        FhirError.INCOMPLETE, "DocumentReference.type", "needs a LOINC coding"));
    String display = loinc.hasDisplay() ? loinc.getDisplay() : Concepts.text(reference.getType());
    String title =
        reference.hasDescription()
            ? reference.getDescription()
            : attachment.hasTitle() ? attachment.getTitle() : display;
    return new DocumentDraft(
        reference.getIdElement().getIdPart(),
        patientId,
        reference.getContext().getEncounter().stream()
            .map(e -> CernerReferences.idOf(e, "Encounter"))
            .flatMap(Optional::stream)
            .findFirst()
            .flatMap(references::encounter)
            .orElse(null),
        new DocumentType(loinc.getCode(), display),
        title,
        reference.hasStatus() ? reference.getStatus().toCode() : null,
        reference.getAuthor().stream()
            .map(a -> CernerReferences.idOf(a, "Practitioner"))
            .flatMap(Optional::stream)
            .findFirst()
            .flatMap(references::provider)
            .orElse(null),
        reference.hasDate()
            ? reference.getDate().toInstant()
            : attachment.hasCreation() ? attachment.getCreation().toInstant() : null,
        baseType(contentType),
        Base64.getEncoder().encodeToString(bytes),
        false,
        null);
  }

  static String baseType(String contentType) {
    return contentType == null ? "" : contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
  }
}
