package com.practicestudio.sandbox.fhir;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Patch;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.annotation.Update;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.PatchTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.practicestudio.sandbox.data.SandboxData;
import com.practicestudio.sandbox.data.SlotRecord;
import com.practicestudio.sandbox.data.SlotStatus;
import com.practicestudio.sandbox.data.SlotUnavailableException;
import com.practicestudio.sandbox.data.VersionConflictException;
import java.io.IOException;
import java.util.List;
import java.util.function.Predicate;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Slot;

/**
 * Slot read, search (free slots only; {@code service-type} needs a {@code start} range) and the
 * status switch free ⇄ busy-tentative by update or JSON Patch, with If-Match.
 */
public final class SlotProvider implements IResourceProvider {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final SandboxData data;
  private final SchedulingMapper mapper;

  public SlotProvider(SandboxData data, SchedulingMapper mapper) {
    this.data = data;
    this.mapper = mapper;
  }

  @Override
  public Class<Slot> getResourceType() {
    return Slot.class;
  }

  @Read
  public Slot read(@IdParam IdType id, RequestDetails request) {
    SlotRecord slot =
        data.slot(id.getIdPart()).orElseThrow(() -> new ResourceNotFoundException(id));
    Versions.etag(request, slot.version());
    return toFhir(slot);
  }

  @Search(allowUnknownParams = true)
  public Bundle search(RequestDetails request) {
    SearchRequest search = new SearchRequest("Slot", request.getParameters());
    search.requireOneOf("_id", "service-type");
    search.atMostOnce("_id", "service-type", "schedule.actor", "-location");
    Predicate<SlotRecord> filter;
    if (search.has("_id")) {
      List<String> ids = search.list("_id");
      filter = s -> ids.contains(s.slotId());
    } else {
      DateRange range = DateRange.bounded("start", search.all("start"), true);
      List<String> types = search.list("service-type");
      filter =
          s ->
              s.status() == SlotStatus.FREE
                  && range.contains(s.start())
                  && types.stream().anyMatch(t -> serviceTypeMatches(s, t));
    }
    if (search.has("schedule.actor")) {
      List<String> actors = search.referenceIds("schedule.actor");
      filter = filter.and(s -> actors.contains(schedule(s).providerId() + ""));
    }
    if (search.has("-location")) {
      List<String> locations = search.referenceIds("-location");
      filter = filter.and(s -> locations.contains(schedule(s).locationId() + ""));
    }
    List<SlotRecord> matches = data.slots().stream().filter(filter).toList();
    return SearchBundles.page(request, search, matches, this::toFhir);
  }

  @Update
  public MethodOutcome update(
      @IdParam IdType id, @ResourceParam Slot slot, RequestDetails request) {
    int version = Versions.ifMatch(request);
    if (slot.getStatus() == null) {
      throw new UnprocessableEntityException("Slot.status is required");
    }
    return changeStatus(id, slot.getStatus().toCode(), version, request);
  }

  @Patch
  public MethodOutcome patch(
      @IdParam IdType id, PatchTypeEnum type, @ResourceParam String body, RequestDetails request) {
    if (type != PatchTypeEnum.JSON_PATCH) {
      throw new InvalidRequestException(
          "Only JSON Patch (application/json-patch+json) is supported");
    }
    int version = Versions.ifMatch(request);
    String status = null;
    try {
      for (JsonNode operation : JSON.readTree(body)) {
        if (!"replace".equals(operation.path("op").asText())
            || !"/status".equals(operation.path("path").asText())) {
          throw new UnprocessableEntityException("Only replace of /status is supported");
        }
        status = operation.path("value").asText(null);
      }
    } catch (IOException e) {
      throw new InvalidRequestException("The patch body is not JSON");
    }
    if (status == null) {
      throw new UnprocessableEntityException("The patch must replace /status");
    }
    return changeStatus(id, status, version, request);
  }

  private MethodOutcome changeStatus(
      IdType id, String statusCode, int version, RequestDetails request) {
    if (!"free".equals(statusCode) && !"busy-tentative".equals(statusCode)) {
      throw new UnprocessableEntityException("Only free and busy-tentative are supported");
    }
    if (data.slot(id.getIdPart()).isEmpty()) {
      throw new ResourceNotFoundException(id);
    }
    try {
      SlotRecord changed =
          data.changeSlotStatus(id.getIdPart(), SlotStatus.fromCode(statusCode), version);
      Versions.etag(request, changed.version());
      return new MethodOutcome(new IdType("Slot", changed.slotId()));
    } catch (VersionConflictException | SlotUnavailableException e) {
      throw new ResourceVersionConflictException(e.getMessage());
    }
  }

  private Slot toFhir(SlotRecord slot) {
    return mapper.toFhir(slot, schedule(slot));
  }

  private com.practicestudio.sandbox.data.ScheduleRecord schedule(SlotRecord slot) {
    return data.schedule(slot.scheduleId()).orElseThrow();
  }

  private boolean serviceTypeMatches(SlotRecord slot, String token) {
    int bar = token.indexOf('|');
    String code = token.substring(bar + 1);
    return code.equals(Long.toString(slot.serviceType().millennium().value()));
  }
}
