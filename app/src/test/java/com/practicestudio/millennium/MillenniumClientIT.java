package com.practicestudio.millennium;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.practicestudio.fhir.CernerFhirException;
import com.practicestudio.fhir.FhirClientProperties;
import com.practicestudio.fhir.FhirEndpoint;
import com.practicestudio.fhir.FhirError;
import com.practicestudio.fhir.TokenSource;
import com.practicestudio.sandbox.CernerSandbox;
import com.practicestudio.sandbox.data.PatientRecord;
import com.practicestudio.sandbox.data.SlotRecord;
import com.practicestudio.sandbox.data.SlotStatus;
import com.practicestudio.sandbox.junit.CernerSandboxConfig;
import com.practicestudio.sandbox.junit.CernerSandboxExtension;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.json.JsonMapper;

/** The Millennium web services client against the sandbox's services. */
@ExtendWith(CernerSandboxExtension.class)
@CernerSandboxConfig(patients = 200, seed = 5)
class MillenniumClientIT {

  static final Set<String> SCOPES =
      Set.of("system/Patient.read", "system/Appointment.write", "system/Slot.read");

  CernerSandbox sandbox;
  Tokens tokens;

  /** Real tokens from the sandbox; the first one handed out can be made stale on purpose. */
  static final class Tokens implements TokenSource {
    final CernerSandbox sandbox;
    final AtomicInteger invalidated = new AtomicInteger();
    volatile String stale;
    volatile String current;

    Tokens(CernerSandbox sandbox) {
      this.sandbox = sandbox;
    }

    @Override
    public String token(long domainId, Set<String> scopes) {
      if (stale != null) {
        return stale;
      }
      if (current == null) {
        current = grant(scopes);
      }
      return current;
    }

    @Override
    public void invalidate(long domainId, Set<String> scopes, String token) {
      invalidated.incrementAndGet();
      stale = null;
      current = null;
    }

    String grant(Set<String> scopes) {
      String basic =
          Base64.getEncoder()
              .encodeToString(
                  (sandbox.systemClientId() + ":" + sandbox.systemClientSecret())
                      .getBytes(StandardCharsets.UTF_8));
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(sandbox.urls().tokenUrl()))
              .header("Authorization", "Basic " + basic)
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(
                  HttpRequest.BodyPublishers.ofString(
                      "grant_type=client_credentials&scope="
                          + URLEncoder.encode(String.join(" ", scopes), StandardCharsets.UTF_8)))
              .build();
      try {
        String body =
            HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
        return JsonMapper.shared().readTree(body).get("access_token").asString();
      } catch (IOException | InterruptedException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  @BeforeEach
  void setUp(CernerSandbox sandbox) {
    this.sandbox = sandbox;
    tokens = new Tokens(sandbox);
  }

  MillenniumClient client(Set<String> scopes) {
    return new MillenniumClients(tokens, FhirClientProperties.defaults())
        .client(
            new FhirEndpoint(
                1,
                "sandbox",
                sandbox.urls().fhirRoot(),
                scopes,
                ZoneId.of("America/Chicago"),
                null,
                sandbox.urls().millenniumBase(),
                true,
                true));
  }

  @Test
  void person_search_finds_people_by_name_prefixes() {
    PatientRecord record = sandbox.data().patients().get(7);
    String family = record.name().family().substring(0, 3);
    var found = client(SCOPES).searchPersons(family, null, 1000);
    long expected =
        sandbox.data().patients().stream()
            .filter(p -> p.name().family().toLowerCase().startsWith(family.toLowerCase()))
            .count();
    assertThat(found).hasSize((int) expected);
    assertThat(found)
        .extracting(p -> p.getIdElement().getIdPart())
        .contains(Long.toString(record.personId()));
  }

  @Test
  void books_a_slot_and_a_taken_slot_is_a_conflict() {
    SlotRecord slot =
        sandbox.data().slots().stream()
            .filter(s -> s.status() == SlotStatus.FREE && s.start().isAfter(Instant.now()))
            .skip(11)
            .findFirst()
            .orElseThrow();
    MillenniumClient client = client(SCOPES);

    String id = client.bookSlot(slot.slotId(), body(sandbox.data().patients().get(2)));

    assertThat(sandbox.data().appointment(Long.parseLong(id)).orElseThrow().slotId())
        .isEqualTo(slot.slotId());
    assertThatThrownBy(() -> client.bookSlot(slot.slotId(), body(sandbox.data().patients().get(3))))
        .isInstanceOfSatisfying(
            CernerFhirException.class,
            e -> {
              assertThat(e.error()).isEqualTo(FhirError.CONFLICT);
              assertThat(e.requestId()).isNotBlank();
            });
  }

  @Test
  void a_missing_scope_is_forbidden() {
    assertThatThrownBy(() -> client(Set.of("system/Slot.read")).searchPersons("A", null, 10))
        .isInstanceOfSatisfying(
            CernerFhirException.class, e -> assertThat(e.error()).isEqualTo(FhirError.FORBIDDEN));
  }

  @Test
  void a_stale_token_is_replaced_once() {
    tokens.stale = "not-a-token";
    var found = client(SCOPES).searchPersons("B", null, 5);
    assertThat(found).isNotNull();
    assertThat(tokens.invalidated.get()).isEqualTo(1);
  }

  static Appointment body(PatientRecord patient) {
    Appointment appointment = new Appointment();
    appointment.setStatus(Appointment.AppointmentStatus.BOOKED);
    appointment
        .addParticipant()
        .setActor(new Reference("Patient/" + patient.personId()))
        .setStatus(Appointment.ParticipationStatus.ACCEPTED);
    return appointment;
  }
}
