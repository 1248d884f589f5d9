package com.practicestudio.sandbox.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.practicestudio.sandbox.CernerSandbox;
import com.practicestudio.sandbox.SandboxHttp;
import com.practicestudio.sandbox.data.PatientRecord;
import com.practicestudio.sandbox.data.SlotRecord;
import com.practicestudio.sandbox.data.SlotStatus;
import com.practicestudio.sandbox.junit.CernerSandboxConfig;
import com.practicestudio.sandbox.junit.CernerSandboxExtension;
import com.practicestudio.sandbox.junit.InjectSandbox;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(CernerSandboxExtension.class)
@CernerSandboxConfig(shared = true)
class SchedulingIT {

  @InjectSandbox CernerSandbox sandbox;
  SandboxHttp http;
  String token;

  @BeforeEach
  void token() {
    http = new SandboxHttp(sandbox);
    token =
        http.systemToken(
            "system/Slot.read system/Slot.write system/Appointment.read system/Appointment.write");
  }

  @Test
  void slot_search_needs_service_type_and_a_start_range() {
    assertThat(http.fhirGet("Slot?start=ge2026-11-25", token).statusCode()).isEqualTo(400);
    assertThat(http.fhirGet("Slot?service-type=4047611", token).statusCode()).isEqualTo(400);
    assertThat(http.fhirGet("Slot?service-type=4047611&start=ge2026-11-25", token).statusCode())
        .isEqualTo(400);
  }

  @Test
  void slot_search_returns_free_slots_only() {
    SlotRecord any = sandbox.data().slots().get(0);
    String day = any.start().atZone(ZoneId.of("America/Chicago")).toLocalDate().toString();
    String type = Long.toString(any.serviceType().millennium().value());
    String system = "https://fhir.cerner.com/" + sandbox.tenant() + "/codeSet/14249";
    JsonNode bundle =
        SandboxHttp.json(
            http.fhirGet(
                    "Slot?service-type="
                        + SandboxHttp.encode(system + "|" + type)
                        + "&start=ge"
                        + day
                        + "&start=lt"
                        + day
                        + "T23:59:59-06:00&_count=200",
                    token)
                .body());
    assertThat(bundle.path("entry").size()).isPositive();
    bundle
        .path("entry")
        .forEach(e -> assertThat(e.path("resource").path("status").asText()).isEqualTo("free"));
    long expectedFree =
        sandbox.data().slots().stream()
            .filter(s -> s.status() == SlotStatus.FREE)
            .filter(
                s -> s.serviceType().millennium().value() == any.serviceType().millennium().value())
            .filter(
                s ->
                    s.start()
                        .atZone(ZoneId.of("America/Chicago"))
                        .toLocalDate()
                        .toString()
                        .equals(day))
            .count();
    assertThat(bundle.path("total").asLong()).isEqualTo(expectedFree);
  }

  @Test
  void a_slot_is_held_by_switching_it_to_busy_tentative_and_drops_out_of_search() {
    SlotRecord slot = freeSlot(0);
    HttpResponse<String> read = http.fhirGet("Slot/" + slot.slotId(), token);
    String etag = read.headers().firstValue("ETag").orElseThrow();

    HttpResponse<String> held = patchStatus(slot.slotId(), etag, "busy-tentative");

    assertThat(held.statusCode()).isEqualTo(200);
    assertThat(held.headers().firstValue("ETag").orElseThrow())
        .isEqualTo("W/\"" + (slot.version() + 1) + "\"");
    assertThat(sandbox.data().slot(slot.slotId()).orElseThrow().status())
        .isEqualTo(SlotStatus.BUSY_TENTATIVE);
    assertThat(search(slot).toString()).doesNotContain(slot.slotId());
  }

  @Test
  void an_update_with_a_stale_if_match_answers_409_and_one_without_if_match_412() {
    SlotRecord slot = freeSlot(1);
    String fresh = "W/\"" + slot.version() + "\"";
    assertThat(patchStatus(slot.slotId(), fresh, "busy-tentative").statusCode()).isEqualTo(200);
    HttpResponse<String> stale = patchStatus(slot.slotId(), fresh, "free");
    assertThat(stale.statusCode()).isEqualTo(409);
    assertThat(SandboxHttp.json(stale.body()).path("resourceType").asText())
        .isEqualTo("OperationOutcome");
    assertThat(patchStatus(slot.slotId(), null, "free").statusCode()).isEqualTo(412);
  }

  @Test
  void a_slot_can_also_be_held_by_update_which_answers_a_new_etag() {
    SlotRecord slot = freeSlot(2);
    JsonNode current = SandboxHttp.json(http.fhirGet("Slot/" + slot.slotId(), token).body());
    String body =
        current.toString().replace("\"status\":\"free\"", "\"status\":\"busy-tentative\"");
    HttpResponse<String> updated =
        http.send(
            http.fhir("Slot/" + slot.slotId(), token)
                .header("Content-Type", SandboxHttp.FHIR_JSON)
                .header("If-Match", "W/\"" + slot.version() + "\"")
                .PUT(HttpRequest.BodyPublishers.ofString(body))
                .build());
    assertThat(updated.statusCode()).isEqualTo(200);
    assertThat(updated.headers().firstValue("ETag")).contains("W/\"" + (slot.version() + 1) + "\"");
  }

  @Test
  void booking_an_appointment_on_a_slot_marks_it_busy_and_answers_201_with_the_location() {
    SlotRecord slot = freeSlot(3);
    HttpResponse<String> created =
        http.fhirPost("Appointment", token, appointment(slot.slotId(), patient()));
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(created.body()).isEmpty();
    String location = created.headers().firstValue("Location").orElseThrow();
    assertThat(location).startsWith(sandbox.urls().fhirRoot() + "/Appointment/");
    assertThat(sandbox.data().slot(slot.slotId()).orElseThrow().status())
        .isEqualTo(SlotStatus.BUSY);
    String id = location.substring(location.lastIndexOf("/Appointment/") + 13).split("/")[0];
    JsonNode appointment = SandboxHttp.json(http.fhirGet("Appointment/" + id, token).body());
    assertThat(appointment.path("status").asText()).isEqualTo("booked");
    assertThat(appointment.path("slot").get(0).path("reference").asText())
        .isEqualTo("Slot/" + slot.slotId());
  }

  @Test
  void a_slot_that_is_no_longer_free_cannot_be_booked() {
    SlotRecord slot = freeSlot(4);
    assertThat(
            http.fhirPost("Appointment", token, appointment(slot.slotId(), patient())).statusCode())
        .isEqualTo(201);
    HttpResponse<String> second =
        http.fhirPost("Appointment", token, appointment(slot.slotId(), patient()));
    assertThat(second.statusCode()).isEqualTo(409);
    assertThat(SandboxHttp.json(second.body()).path("resourceType").asText())
        .isEqualTo("OperationOutcome");
  }

  @Test
  void two_concurrent_bookings_of_one_slot_cannot_both_succeed() throws Exception {
    for (int round = 0; round < 5; round++) {
      SlotRecord slot = freeSlot(5);
      int threads = 8;
      CountDownLatch go = new CountDownLatch(1);
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try {
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
          Callable<Integer> booking =
              () -> {
                go.await();
                return http.fhirPost("Appointment", token, appointment(slot.slotId(), patient()))
                    .statusCode();
              };
          results.add(pool.submit(booking));
        }
        go.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> result : results) {
          statuses.add(result.get());
        }
        assertThat(statuses).containsOnly(201, 409);
        assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(1);
      } finally {
        pool.shutdownNow();
      }
      long appointments =
          sandbox.data().appointments().stream()
              .filter(a -> a.slotId().equals(slot.slotId()))
              .count();
      assertThat(appointments).isEqualTo(1);
    }
  }

  @Test
  void an_appointment_needs_exactly_one_slot_and_one_accepted_patient_participant() {
    SlotRecord slot = freeSlot(6);
    String twoParticipants =
        appointment(slot.slotId(), patient())
            .replace(
                "\"participant\":[",
                "\"participant\":[{\"actor\":{\"reference\":\"Practitioner/"
                    + sandbox.data().providers().get(0).personnelId()
                    + "\"},\"status\":\"accepted\"},");
    assertThat(http.fhirPost("Appointment", token, twoParticipants).statusCode()).isEqualTo(422);
    String tentative =
        appointment(slot.slotId(), patient()).replace("\"accepted\"", "\"tentative\"");
    assertThat(http.fhirPost("Appointment", token, tentative).statusCode()).isEqualTo(422);
    String noSlot =
        appointment(slot.slotId(), patient()).replace("\"slot\"", "\"comment\":\"x\",\"slotX\"");
    assertThat(http.fhirPost("Appointment", token, noSlot).statusCode()).isIn(400, 422);
    assertThat(sandbox.data().slot(slot.slotId()).orElseThrow().status())
        .isEqualTo(SlotStatus.FREE);
  }

  private JsonNode search(SlotRecord slot) {
    String day = slot.start().atZone(ZoneId.of("America/Chicago")).toLocalDate().toString();
    return SandboxHttp.json(
        http.fhirGet(
                "Slot?service-type="
                    + slot.serviceType().millennium().value()
                    + "&start=ge"
                    + day
                    + "&start=le"
                    + day
                    + "&_count=200",
                token)
            .body());
  }

  private HttpResponse<String> patchStatus(String slotId, String ifMatch, String status) {
    HttpRequest.Builder request =
        http.fhir("Slot/" + slotId, token)
            .header("Content-Type", "application/json-patch+json")
            .method(
                "PATCH",
                HttpRequest.BodyPublishers.ofString(
                    "[{\"op\":\"replace\",\"path\":\"/status\",\"value\":\"" + status + "\"}]"));
    if (ifMatch != null) {
      request.header("If-Match", ifMatch);
    }
    return http.send(request.build());
  }

  /** A free slot; {@code lane} spreads tests over different schedules. */
  private SlotRecord freeSlot(int lane) {
    String schedule =
        sandbox.data().schedules().get(lane % sandbox.data().schedules().size()).scheduleId();
    return sandbox.data().slots().stream()
        .filter(s -> s.status() == SlotStatus.FREE && s.scheduleId().equals(schedule))
        .skip(3)
        .findFirst()
        .orElseThrow();
  }

  private String patient() {
    PatientRecord patient =
        sandbox.data().patients().stream()
            .filter(PatientRecord::active)
            .skip(11)
            .findFirst()
            .orElseThrow();
    return Long.toString(patient.personId());
  }

  static String appointment(String slotId, String patientId) {
    return "{\"resourceType\":\"Appointment\",\"status\":\"booked\","
        + "\"slot\":[{\"reference\":\"Slot/"
        + slotId
        + "\"}],"
        + "\"participant\":[{\"actor\":{\"reference\":\"Patient/"
        + patientId
        + "\"},\"status\":\"accepted\"}]}";
  }
}
