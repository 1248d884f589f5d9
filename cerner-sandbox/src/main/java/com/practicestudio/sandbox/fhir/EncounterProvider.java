package com.practicestudio.sandbox.fhir;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import com.practicestudio.sandbox.data.EncounterRecord;
import com.practicestudio.sandbox.data.SandboxData;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.IdType;

/** Encounter read and search (by patient, subject, FIN identifier or id). */
public final class EncounterProvider implements IResourceProvider {

  private final SandboxData data;
  private final EncounterMapper mapper;

  public EncounterProvider(SandboxData data, EncounterMapper mapper) {
    this.data = data;
    this.mapper = mapper;
  }

  @Override
  public Class<Encounter> getResourceType() {
    return Encounter.class;
  }

  @Read
  public Encounter read(@IdParam IdType id) {
    return data.encounter(Ids.numeric(id))
        .map(mapper::toFhir)
        .orElseThrow(() -> new ResourceNotFoundException(id));
  }

  @Search(allowUnknownParams = true)
  public Bundle search(RequestDetails request) {
    SearchRequest search = new SearchRequest("Encounter", request.getParameters());
    search.requireOneOf("_id", "patient", "subject", "identifier");
    search.atMostOnce("_id", "patient", "subject", "identifier", "status");
    Predicate<EncounterRecord> filter = e -> true;
    if (search.has("_id")) {
      List<String> ids = search.list("_id");
      filter = filter.and(e -> ids.contains(Long.toString(e.encounterId())));
    }
    List<String> patients = new ArrayList<>(search.referenceIds("patient"));
    patients.addAll(search.referenceIds("subject"));
    if (!patients.isEmpty()) {
      filter = filter.and(e -> patients.contains(Long.toString(e.patientId())));
    }
    if (search.has("identifier")) {
      String token = search.single("identifier").orElseThrow();
      String fin = token.substring(token.indexOf('|') + 1);
      filter = filter.and(e -> e.fin().equals(fin));
    }
    if (search.has("status")) {
      List<String> statuses = search.list("status");
      filter = filter.and(e -> statuses.contains(e.status()));
    }
    if (search.has("date")) {
      DateRange range = DateRange.parse("date", search.all("date"), true);
      filter = filter.and(e -> range.contains(e.start()));
    }
    List<EncounterRecord> matches = data.encounters().stream().filter(filter).toList();
    return SearchBundles.page(request, search, matches, mapper::toFhir);
  }
}
