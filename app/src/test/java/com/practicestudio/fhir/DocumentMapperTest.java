package com.practicestudio.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.practicestudio.clinical.ClinicalDocument;
import com.practicestudio.clinical.DocumentContent;
import com.practicestudio.clinical.DocumentDraft;
import com.practicestudio.clinical.DocumentType;
import com.practicestudio.sandbox.data.DocumentRecord;
import com.practicestudio.sandbox.fhir.DocumentMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.DocumentReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Documents both ways: every seeded document read with its Binary; what we send valid R4. */
class DocumentMapperTest {

  static final com.practicestudio.fhir.DocumentMapper MAPPER =
      new com.practicestudio.fhir.DocumentMapper();
  static final String BASE = "https://fhir-ehr-code.cerner.com/r4/" + SandboxResources.TENANT;
  static final Instant CREATED = Instant.parse("2026-11-19T14:30:00Z");

  record Field(
      String name,
      Function<DocumentRecord, Object> expected,
      Function<DocumentDraft, Object> actual) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Field> fields() {
    return Stream.of(
        new Field("externalId", r -> Long.toString(r.documentId()), DocumentDraft::externalId),
        new Field(
            "patientId (resolved)",
            r -> NumericReferences.local(r.patientId()),
            DocumentDraft::patientId),
        new Field(
            "encounterId (resolved)",
            r -> r.encounterId() == null ? null : NumericReferences.local(r.encounterId()),
            DocumentDraft::encounterId),
        new Field("type.code (LOINC)", r -> r.type().code(), d -> d.type().code()),
        new Field("type.display", r -> r.type().display(), d -> d.type().display()),
        new Field("title", DocumentRecord::title, DocumentDraft::title),
        new Field("status", DocumentRecord::status, DocumentDraft::status),
        new Field(
            "authorId (resolved)",
            r -> r.authorId() == null ? null : NumericReferences.local(r.authorId()),
            DocumentDraft::authorId),
        new Field("createdTime", DocumentRecord::created, DocumentDraft::createdTime),
        new Field(
            "contentType (the Binary's)", DocumentRecord::contentType, DocumentDraft::contentType),
        new Field(
            "content (base64 of the Binary)",
            r -> Base64.getEncoder().encodeToString(r.content()),
            DocumentDraft::content));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fields")
  void reads_every_seeded_document_with_its_binary(Field field) {
    DocumentMapper sandbox = new DocumentMapper();
    for (DocumentRecord record : SandboxResources.data().documents()) {
      DocumentReference served = SandboxResources.wire(sandbox.toFhir(record, BASE));
      assertThat(com.practicestudio.fhir.DocumentMapper.binaryId(served))
          .contains(record.binaryId());
      Binary binary = SandboxResources.wire(sandbox.binary(record));
      DocumentDraft draft = MAPPER.toDraft(served, binary, new NumericReferences());
      assertThat(field.actual().apply(draft))
          .as("%s of DocumentReference/%s", field.name(), record.documentId())
          .isEqualTo(field.expected().apply(record));
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "application/pdf",
        "text/plain; charset=UTF-8",
        "text/rtf",
        "text/html",
        "application/xml",
        "application/xhtml+xml"
      })
  void what_we_send_is_valid_r4_with_one_base64_attachment(String contentType) {
    byte[] bytes = "Seen today. BP fine.".getBytes(StandardCharsets.UTF_8);
    DocumentReference fhir =
        MAPPER.toFhir(
            document("current"),
            new DocumentContent(5L, contentType, bytes),
            "12724066",
            "97953477",
            "4464007");

    assertThat(R4Validation.errors(fhir)).isEmpty();
    assertThat(fhir.getStatus().toCode()).isEqualTo("current");
    assertThat(fhir.getType().getCodingFirstRep().getSystem()).isEqualTo(FhirSystems.LOINC);
    assertThat(fhir.getType().getCodingFirstRep().getCode()).isEqualTo("11506-3");
    assertThat(fhir.getSubject().getReference()).isEqualTo("Patient/12724066");
    assertThat(fhir.getAuthorFirstRep().getReference()).isEqualTo("Practitioner/4464007");
    assertThat(fhir.getContext().getEncounterFirstRep().getReference())
        .isEqualTo("Encounter/97953477");
    assertThat(fhir.getDateElement().hasTime()).isTrue();
    assertThat(fhir.getContent()).hasSize(1);
    assertThat(fhir.getContentFirstRep().getAttachment().getContentType())
        .isEqualTo(contentType.split(";")[0]);
    String json = SandboxResources.FHIR.newJsonParser().encodeResourceToString(fhir);
    assertThat(json).contains("\"data\":\"" + Base64.getEncoder().encodeToString(bytes) + "\"");

    DocumentDraft back =
        MAPPER.toDraft(
            SandboxResources.wire(fhir), null, new NumericReferences(Map.of("12724066", 1L)));
    assertThat(Base64.getDecoder().decode(back.content())).isEqualTo(bytes);
    assertThat(back.title()).isEqualTo("Progress note");
  }

  @Test
  void a_mime_type_cerner_does_not_take_is_not_sent() {
    assertThatThrownBy(
            () ->
                MAPPER.toFhir(
                    document("current"),
                    new DocumentContent(5L, "image/png", new byte[] {1, 2}),
                    "1",
                    null,
                    null))
        .isInstanceOf(FhirMappingException.class)
        .hasMessage("FHIR-001 contentType: is not a type Cerner accepts: image/png");
  }

  @Test
  void only_current_documents_are_sent() {
    assertThatThrownBy(
            () ->
                MAPPER.toFhir(
                    document("superseded"),
                    new DocumentContent(5L, "text/plain", new byte[] {65}),
                    "1",
                    null,
                    null))
        .isInstanceOf(FhirMappingException.class)
        .hasMessageStartingWith("FHIR-001 status:");
  }

  @Test
  void the_us_core_episode_summary_needs_its_binary_read_first() {
    DocumentReference reference =
        SandboxResources.corpus(
            "uscore_documentreference-episode-summary.json", DocumentReference.class);
    assertThat(com.practicestudio.fhir.DocumentMapper.binaryId(reference)).contains("1-note");
    assertThatThrownBy(
            () -> MAPPER.toDraft(reference, null, new NumericReferences(Map.of("example", 1L))))
        .isInstanceOf(FhirMappingException.class)
        .hasMessageStartingWith("FHIR-002 DocumentReference.content");
  }

  static ClinicalDocument document(String status) {
    return new ClinicalDocument(
        5L,
        null,
        7L,
        null,
        new DocumentType("11506-3", "Progress note"),
        "Progress note",
        status,
        null,
        CREATED,
        "text/plain",
        20,
        "00",
        true,
        null,
        CREATED,
        CREATED,
        1);
  }
}
