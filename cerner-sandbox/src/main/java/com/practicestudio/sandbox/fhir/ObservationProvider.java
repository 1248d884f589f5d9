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
import com.practicestudio.sandbox.data.ObservationRecord;
import com.practicestudio.sandbox.data.SandboxData;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Observation;

/** Observation read, search (by patient/subject) and create (vital signs and lab results). */
public final class ObservationProvider implements IResourceProvider {

  private final SandboxData data;
  private final ObservationMapper mapper;
  private final ObservationWriter writer;

  public ObservationProvider(SandboxData data, ObservationMapper mapper) {
    this.data = data;
    this.mapper = mapper;
    this.writer = new ObservationWriter(data);
  }

  @Override
  public Class<Observation> getResourceType() {
    return Observation.class;
  }

  @Read
  public Observation read(@IdParam IdType id) {
    return data.observation(Ids.numeric(id))
        .map(mapper::toFhir)
        .orElseThrow(() -> new ResourceNotFoundException(id));
  }

  @Search(allowUnknownParams = true)
  public Bundle search(RequestDetails request) {
    SearchRequest search = new SearchRequest("Observation", request.getParameters());
    search.requireOneOf("_id", "patient", "subject");
    search.atMostOnce("_id", "patient", "subject", "category", "code");
    Predicate<ObservationRecord> filter = o -> true;
    if (search.has("_id")) {
      List<String> ids = search.list("_id");
      filter = filter.and(o -> ids.contains(Long.toString(o.observationId())));
    }
    List<String> patients = new ArrayList<>(search.referenceIds("patient"));
    patients.addAll(search.referenceIds("subject"));
    if (!patients.isEmpty()) {
      filter = filter.and(o -> patients.contains(Long.toString(o.patientId())));
    }
    if (search.has("category")) {
      List<String> categories =
          search.list("category").stream().map(c -> c.substring(c.indexOf('|') + 1)).toList();
      filter = filter.and(o -> categories.contains(o.category()));
    }
    if (search.has("code")) {
      List<String> codes =
          search.list("code").stream().map(c -> c.substring(c.indexOf('|') + 1)).toList();
      filter = filter.and(o -> codes.contains(o.code().code()));
    }
    if (search.has("date")) {
      DateRange range = DateRange.parse("date", search.all("date"), true);
      filter = filter.and(o -> range.contains(o.effective()));
    }
    List<ObservationRecord> matches = data.observations().stream().filter(filter).toList();
    return SearchBundles.page(request, search, matches, mapper::toFhir);
  }

  @Create
  public MethodOutcome create(@ResourceParam Observation body, RequestDetails request) {
    Access.requirePatientWrite(
        request, Ids.referenceId(body.getSubject().getReference(), "Patient"));
    ObservationRecord created = data.addObservation(writer.toRecord(body));
    Versions.etag(request, created.version());
    return new MethodOutcome(new IdType("Observation", Long.toString(created.observationId())))
        .setCreated(true);
  }
}
