package com.practicestudio.sandbox.fhir;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import com.practicestudio.sandbox.data.SandboxData;
import com.practicestudio.sandbox.data.ScheduleRecord;
import java.util.List;
import java.util.function.Predicate;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Schedule;

/** Schedule read and search by actor. */
public final class ScheduleProvider implements IResourceProvider {

  private final SandboxData data;
  private final SchedulingMapper mapper;

  public ScheduleProvider(SandboxData data, SchedulingMapper mapper) {
    this.data = data;
    this.mapper = mapper;
  }

  @Override
  public Class<Schedule> getResourceType() {
    return Schedule.class;
  }

  @Read
  public Schedule read(@IdParam IdType id) {
    return data.schedule(id.getIdPart())
        .map(mapper::toFhir)
        .orElseThrow(() -> new ResourceNotFoundException(id));
  }

  @Search(allowUnknownParams = true)
  public Bundle search(RequestDetails request) {
    SearchRequest search = new SearchRequest("Schedule", request.getParameters());
    search.requireOneOf("_id", "actor");
    search.atMostOnce("_id", "actor");
    Predicate<ScheduleRecord> filter = s -> true;
    if (search.has("_id")) {
      List<String> ids = search.list("_id");
      filter = filter.and(s -> ids.contains(s.scheduleId()));
    }
    if (search.has("actor")) {
      List<String> actors = search.referenceIds("actor");
      filter =
          filter.and(
              s ->
                  actors.contains(Long.toString(s.providerId()))
                      || actors.contains(Long.toString(s.locationId())));
    }
    List<ScheduleRecord> matches = data.schedules().stream().filter(filter).toList();
    return SearchBundles.page(request, search, matches, mapper::toFhir);
  }
}
