package com.practicestudio.sandbox.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import ca.uhn.fhir.rest.gclient.TokenClientParam;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import com.practicestudio.sandbox.CernerSandbox;
import com.practicestudio.sandbox.SandboxHttp;
import com.practicestudio.sandbox.data.EncounterRecord;
import com.practicestudio.sandbox.data.SlotRecord;
import com.practicestudio.sandbox.data.SlotStatus;
import com.practicestudio.sandbox.junit.CernerSandboxConfig;
import com.practicestudio.sandbox.junit.CernerSandboxExtension;
import com.practicestudio.sandbox.junit.InjectSandbox;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashSet;
import java.util.Set;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Slot;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** HAPI's generic client, with a token from this server, does what Practice Studio will do. */
@ExtendWith(CernerSandboxExtension.class)
@CernerSandboxConfig(shared = true)
class HapiGenericClientIT {

  @InjectSandbox CernerSandbox sandbox;
  IGenericClient client;

  @BeforeEach
  void client() {
    String token =
        new SandboxHttp(sandbox)
            .systemToken(
                "system/Patient.read system/Slot.read system/Slot.write system/Appointment.write"
                    + " system/Observation.write system/DocumentReference.write");
    FhirContext fhir = FhirContext.forR4Cached();
    fhir.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
    client = fhir.newRestfulGenericClient(sandbox.urls().fhirRoot());
    client.registerInterceptor(new BearerTokenAuthInterceptor(token));
  }

  @Test
  void searches_patients_page_by_page() {
    Bundle page =
        client
            .search()
            .forResource(Patient.class)
            .where(Patient.FAMILY.matches().value("M"))
            .count(25)
            .returnBundle(Bundle.class)
            .execute();
    Set<String> ids = new HashSet<>();
    int pages = 0;
    while (true) {
      page.getEntry().forEach(e -> ids.add(e.getResource().getIdElement().getIdPart()));
      pages++;
      if (page.getLink(Bundle.LINK_NEXT) == null) {
        break;
      }
      page = client.loadPage().next(page).execute();
    }
    long expected =
        sandbox.data().patients().stream().filter(p -> p.name().family().startsWith("M")).count();
    assertThat(ids).hasSize((int) expected);
    assertThat(pages).isGreaterThan(1);
  }

  @Test
  void holds_and_books_a_slot() {
    SlotRecord free =
        sandbox.data().slots().stream()
            .filter(s -> s.status() == SlotStatus.FREE)
            .skip(100)
            .findFirst()
            .orElseThrow();
    String day = free.start().atZone(ZoneId.of("America/Chicago")).toLocalDate().toString();
    Bundle slots =
        client
            .search()
            .forResource(Slot.class)
            .where(
                new TokenClientParam("service-type")
                    .exactly()
                    .systemAndCode(
                        "https://fhir.cerner.com/" + sandbox.tenant() + "/codeSet/14249",
                        Long.toString(free.serviceType().millennium().value())))
            .and(Slot.START.afterOrEquals().day(day))
            .and(Slot.START.beforeOrEquals().day(day))
            .count(200)
            .returnBundle(Bundle.class)
            .execute();
    Slot slot =
        slots.getEntry().stream()
            .map(e -> (Slot) e.getResource())
            .filter(s -> s.getIdElement().getIdPart().equals(free.slotId()))
            .findFirst()
            .orElseThrow();

    Slot read =
        client.read().resource(Slot.class).withId(slot.getIdElement().getIdPart()).execute();
    String version = read.getMeta().getVersionId();
    MethodOutcome held =
        client
            .patch()
            .withBody("[{\"op\":\"replace\",\"path\":\"/status\",\"value\":\"busy-tentative\"}]")
            .withId("Slot/" + free.slotId())
            .withAdditionalHeader("If-Match", "W/\"" + version + "\"")
            .execute();
    assertThat(held.getResponseHeaders().get("etag")).isNotEmpty();
    assertThat(sandbox.data().slot(free.slotId()).orElseThrow().status())
        .isEqualTo(SlotStatus.BUSY_TENTATIVE);

    Appointment appointment = new Appointment();
    appointment.setStatus(Appointment.AppointmentStatus.BOOKED);
    appointment.addSlot(new Reference("Slot/" + free.slotId()));
    appointment
        .addParticipant()
        .setActor(new Reference("Patient/" + sandbox.data().patients().get(2).personId()))
        .setStatus(Appointment.ParticipationStatus.ACCEPTED);
    MethodOutcome booked = client.create().resource(appointment).execute();
    assertThat(booked.getId().getResourceType()).isEqualTo("Appointment");
    assertThat(booked.getId().getIdPart()).matches("\\d+");
    assertThat(sandbox.data().slot(free.slotId()).orElseThrow().status())
        .isEqualTo(SlotStatus.BUSY);

    try {
      client.create().resource(appointment).execute();
      throw new AssertionError("a second booking of the slot was accepted");
    } catch (ResourceVersionConflictException expected) {
      assertThat(expected.getStatusCode()).isEqualTo(409);
    }
  }

  @Test
  void creates_an_observation_and_a_document_reference() {
    EncounterRecord encounter = sandbox.data().encounters().get(20);
    Observation observation = new Observation();
    observation.setStatus(Observation.ObservationStatus.FINAL);
    observation.addCategory(
        new CodeableConcept(
            new Coding(
                "http://terminology.hl7.org/CodeSystem/observation-category",
                "vital-signs",
                "Vital Signs")));
    observation.setCode(
        new CodeableConcept(new Coding("http://loinc.org", "29463-7", "Body weight")));
    observation.setSubject(new Reference("Patient/" + encounter.patientId()));
    observation.setEffective(new DateTimeType(new Date()));
    observation.setValue(
        new Quantity()
            .setValue(81.2)
            .setUnit("kg")
            .setSystem("http://unitsofmeasure.org")
            .setCode("kg"));
    MethodOutcome createdObservation = client.create().resource(observation).execute();
    assertThat(createdObservation.getId().getIdPart()).matches("\\d+");

    DocumentReference document = new DocumentReference();
    document.setStatus(Enumerations.DocumentReferenceStatus.CURRENT);
    document.setType(
        new CodeableConcept(new Coding("http://loinc.org", "11506-3", "Progress note")));
    document.setSubject(new Reference("Patient/" + encounter.patientId()));
    document.setDate(new Date());
    document
        .addContent()
        .setAttachment(
            new Attachment()
                .setContentType("text/plain")
                .setData("Seen today.".getBytes(StandardCharsets.UTF_8)));
    MethodOutcome createdDocument = client.create().resource(document).execute();
    long id = Long.parseLong(createdDocument.getId().getIdPart());
    assertThat(sandbox.data().document(id).orElseThrow().content())
        .isEqualTo("Seen today.".getBytes(StandardCharsets.UTF_8));
  }
}
