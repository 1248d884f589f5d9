package com.practicestudio.sandbox.fhir;

import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import com.practicestudio.sandbox.data.DocumentRecord;
import com.practicestudio.sandbox.data.SandboxData;
import java.util.List;
import java.util.function.Predicate;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.IdType;

/** DocumentReference read, search (by patient) and create. */
public final class DocumentReferenceProvider implements IResourceProvider {

  private final SandboxData data;
  private final DocumentMapper mapper;
  private final DocumentWriter writer;

  public DocumentReferenceProvider(SandboxData data, DocumentMapper mapper) {
    this.data = data;
    this.mapper = mapper;
    this.writer = new DocumentWriter(data);
  }

  @Override
  public Class<DocumentReference> getResourceType() {
    return DocumentReference.class;
  }

  @Read
  public DocumentReference read(@IdParam IdType id, RequestDetails request) {
    return data.document(Ids.numeric(id))
        .map(d -> mapper.toFhir(d, request.getFhirServerBase()))
        .orElseThrow(() -> new ResourceNotFoundException(id));
  }

  @Search(allowUnknownParams = true)
  public Bundle search(RequestDetails request) {
    SearchRequest search = new SearchRequest("DocumentReference", request.getParameters());
    search.requireOneOf("_id", "patient");
    search.atMostOnce("_id", "patient", "encounter", "type");
    Predicate<DocumentRecord> filter = d -> true;
    if (search.has("_id")) {
      List<String> ids = search.list("_id");
      filter = filter.and(d -> ids.contains(Long.toString(d.documentId())));
    }
    if (search.has("patient")) {
      List<String> patients = search.referenceIds("patient");
      filter = filter.and(d -> patients.contains(Long.toString(d.patientId())));
    }
    if (search.has("encounter")) {
      List<String> encounters = search.referenceIds("encounter");
      filter = filter.and(d -> encounters.contains(String.valueOf(d.encounterId())));
    }
    if (search.has("type")) {
      List<String> types =
          search.list("type").stream().map(t -> t.substring(t.indexOf('|') + 1)).toList();
      filter = filter.and(d -> types.contains(d.type().code()));
    }
    if (search.has("period")) {
      DateRange range = DateRange.parse("period", search.all("period"), true);
      filter = filter.and(d -> range.contains(d.created()));
    }
    List<DocumentRecord> matches = data.documents().stream().filter(filter).toList();
    String base = request.getFhirServerBase();
    return SearchBundles.page(request, search, matches, d -> mapper.toFhir(d, base));
  }

  @Create
  public MethodOutcome create(@ResourceParam DocumentReference body, RequestDetails request) {
    Access.requirePatientWrite(
        request, Ids.referenceId(body.getSubject().getReference(), "Patient"));
    DocumentRecord created = data.addDocument(writer.toRecord(body));
    Versions.etag(request, created.version());
    return new MethodOutcome(new IdType("DocumentReference", Long.toString(created.documentId())))
        .setCreated(true);
  }
}
