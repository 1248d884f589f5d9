package com.practicestudio.sandbox.fhir;

import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import com.practicestudio.sandbox.data.Concept;
import com.practicestudio.sandbox.data.DocumentRecord;
import com.practicestudio.sandbox.data.SandboxData;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DocumentReference;

/**
 * Checks a DocumentReference create as Cerner does (status current, a LOINC type, a Patient
 * subject, exactly one attachment with base64 data of an allowed MIME type, dates with a time) and
 * turns it into a record. Violations answer 422.
 */
final class DocumentWriter {

  static final Set<String> MIME_TYPES =
      Set.of(
          "application/pdf",
          "text/plain",
          "text/richtext",
          "text/rtf",
          "text/html",
          "application/xml",
          "text/xml",
          "application/xhtml+xml");

  private final SandboxData data;

  DocumentWriter(SandboxData data) {
    this.data = data;
  }

  DocumentRecord toRecord(DocumentReference body) {
    if (body.getStatus() == null || !"current".equals(body.getStatus().toCode())) {
      throw new UnprocessableEntityException("DocumentReference.status must be current");
    }
    Coding type =
        body.getType().getCoding().stream()
            .filter(c -> Concept.LOINC.equals(c.getSystem()) && c.hasCode())
            .findFirst()
            .orElseThrow(
                () -> new UnprocessableEntityException("DocumentReference.type must be LOINC"));
    long patientId = patient(body);
    if (body.getContent().size() != 1) {
      throw new UnprocessableEntityException(
          "DocumentReference.content must contain exactly one entry");
    }
    Attachment attachment = body.getContentFirstRep().getAttachment();
    String mime = mime(attachment);
    if (!attachment.hasData()) {
      throw new UnprocessableEntityException(
          "DocumentReference.content.attachment.data must hold the base64 document");
    }
    if (body.hasDate() && !body.getDateElement().hasTime()) {
      throw new UnprocessableEntityException("DocumentReference.date must have a time");
    }
    Instant created = body.hasDate() ? body.getDate().toInstant() : data.clock().instant();
    Long encounterId = encounter(body);
    Long authorId =
        body.hasAuthor()
            ? Ids.numericOrNull(
                String.valueOf(
                    Ids.referenceId(body.getAuthorFirstRep().getReference(), "Practitioner")))
            : null;
    String title =
        body.hasDescription()
            ? body.getDescription()
            : attachment.hasTitle() ? attachment.getTitle() : type.getDisplay();
    return new DocumentRecord(
        data.nextId(),
        patientId,
        encounterId,
        authorId,
        new Concept(type.getSystem(), type.getCode(), type.getDisplay()),
        title,
        "current",
        mime,
        attachment.getData(),
        created,
        1);
  }

  private static String mime(Attachment attachment) {
    String contentType = attachment.getContentType();
    String base =
        contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
    if (!MIME_TYPES.contains(base)) {
      throw new UnprocessableEntityException(
          "DocumentReference.content.attachment.contentType is not supported: " + contentType);
    }
    return base;
  }

  private long patient(DocumentReference body) {
    String id = Ids.referenceId(body.getSubject().getReference(), "Patient");
    Long patientId = id == null ? null : Ids.numericOrNull(id);
    if (patientId == null || data.patient(patientId).isEmpty()) {
      throw new UnprocessableEntityException(
          "DocumentReference.subject must reference a known Patient");
    }
    return patientId;
  }

  private Long encounter(DocumentReference body) {
    if (body.getContext().getEncounter().isEmpty()) {
      return null;
    }
    if (body.getContext().getEncounter().size() > 1) {
      throw new UnprocessableEntityException("DocumentReference.context.encounter: at most one");
    }
    String id =
        Ids.referenceId(body.getContext().getEncounterFirstRep().getReference(), "Encounter");
    Long encounterId = id == null ? null : Ids.numericOrNull(id);
    if (encounterId == null || data.encounter(encounterId).isEmpty()) {
      throw new UnprocessableEntityException(
          "DocumentReference.context.encounter must reference a known Encounter");
    }
    return encounterId;
  }
}
