package com.practicestudio.sandbox.fhir;

import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import com.practicestudio.sandbox.data.AppointmentRecord;
import com.practicestudio.sandbox.data.SandboxData;
import java.util.List;
import java.util.function.Predicate;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;

/** Appointment read, search (patient/practitioner/location need date) and create (booking). */
public final class AppointmentProvider implements IResourceProvider {

  private final SandboxData data;
  private final SchedulingMapper mapper;
  private final Booking booking;

  public AppointmentProvider(SandboxData data, SchedulingMapper mapper, Booking booking) {
    this.data = data;
    this.mapper = mapper;
    this.booking = booking;
  }

  @Override
  public Class<Appointment> getResourceType() {
    return Appointment.class;
  }

  @Read
  public Appointment read(@IdParam IdType id, RequestDetails request) {
    AppointmentRecord record =
        data.appointment(Ids.numeric(id)).orElseThrow(() -> new ResourceNotFoundException(id));
    Versions.etag(request, record.version());
    return mapper.toFhir(record);
  }

  @Search(allowUnknownParams = true)
  public Bundle search(RequestDetails request) {
    SearchRequest search = new SearchRequest("Appointment", request.getParameters());
    search.requireOneOf("_id", "patient", "practitioner", "location");
    search.atMostOnce("_id", "patient", "practitioner", "location", "status");
    Predicate<AppointmentRecord> filter = a -> true;
    if (search.has("_id")) {
      List<String> ids = search.list("_id");
      filter = filter.and(a -> ids.contains(Long.toString(a.appointmentId())));
    } else {
      if (!search.has("date")) {
        throw new InvalidRequestException(
            "The date parameter is required with patient, practitioner or location");
      }
      DateRange range = DateRange.parse("date", search.all("date"), true);
      filter = filter.and(a -> range.contains(a.start()));
    }
    filter = filter.and(actor(search, "patient", AppointmentRecord::patientId));
    filter = filter.and(actor(search, "practitioner", AppointmentRecord::providerId));
    filter = filter.and(actor(search, "location", AppointmentRecord::locationId));
    if (search.has("status")) {
      List<String> statuses = search.list("status");
      filter = filter.and(a -> statuses.contains(a.status()));
    }
    List<AppointmentRecord> matches = data.appointments().stream().filter(filter).toList();
    return SearchBundles.page(request, search, matches, mapper::toFhir);
  }

  private static Predicate<AppointmentRecord> actor(
      SearchRequest search, String name, java.util.function.ToLongFunction<AppointmentRecord> id) {
    if (!search.has(name)) {
      return a -> true;
    }
    List<String> ids = search.referenceIds(name);
    return a -> ids.contains(Long.toString(id.applyAsLong(a)));
  }

  @Create
  public MethodOutcome create(@ResourceParam Appointment body, RequestDetails request) {
    String patient = body.getParticipantFirstRep().getActor().getReference();
    Access.requirePatientWrite(request, Ids.referenceId(patient, "Patient"));
    AppointmentRecord booked = booking.book(body, null);
    Versions.etag(request, booked.version());
    return new MethodOutcome(new IdType("Appointment", Long.toString(booked.appointmentId())))
        .setCreated(true);
  }
}
