package com.practicestudio.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.practicestudio.clinical.ObservationDraft;
import com.practicestudio.patients.PatientInput;
import com.practicestudio.sandbox.CernerSandbox;
import com.practicestudio.sandbox.data.EncounterRecord;
import com.practicestudio.sandbox.data.PatientRecord;
import com.practicestudio.sandbox.data.SandboxIdentifiers;
import com.practicestudio.sandbox.data.SlotRecord;
import com.practicestudio.sandbox.data.SlotStatus;
import com.practicestudio.sandbox.junit.CernerSandboxExtension;
import com.practicestudio.web.InvalidRequestException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Our FHIR client against the Cerner sandbox: reads, paging, errors, tokens, retries, writes. */
class CernerFhirClientIT {

  static final MovableClock CLOCK = new MovableClock(Instant.now());

  @RegisterExtension
  static final CernerSandboxExtension SANDBOX =
      new CernerSandboxExtension(() -> CernerSandbox.builder().patients(300).clock(CLOCK));

  CernerSandbox sandbox;
  SandboxTokens tokens;
  List<Duration> slept;
  CernerFhirClients clients;
  CernerFhirClient client;

  @BeforeEach
  void client(CernerSandbox sandbox) {
    this.sandbox = sandbox;
    tokens = new SandboxTokens(sandbox);
    slept = new ArrayList<>();
    clients =
        new CernerFhirClients(
            tokens, FhirClientProperties.defaults(), new SimpleMeterRegistry(), slept::add, CLOCK);
    client = clients.client(SandboxEndpoints.of(sandbox, 1));
  }

  @AfterEach
  void reset() {
    sandbox.faults().reset();
  }

  @Test
  void reads_a_patient_that_maps_to_the_seeded_record() {
    PatientRecord record = sandbox.data().patients().get(3);
    Patient patient = client.readPatient(Long.toString(record.personId()));
    PatientInput input = PatientMapperTest.MAPPER.toInput(patient);
    assertThat(input.externalId()).isEqualTo(Long.toString(record.personId()));
    assertThat(input.mrn()).isEqualTo(record.mrn());
  }

  @Test
  void searches_follow_next_links_page_by_page() {
    sandbox.requests().clear();
    List<Patient> found = client.searchPatients(new PatientSearch("M", null, null, null), 10_000);
    long expected =
        sandbox.data().patients().stream().filter(p -> p.name().family().startsWith("M")).count();
    assertThat(found).hasSize((int) expected);
    assertThat(found.stream().map(p -> p.getIdElement().getIdPart()).distinct())
        .hasSize(found.size());
    assertThat(sandbox.requests().count("GET", "/r4/")).isGreaterThan(expected / 50);
  }

  @Test
  void search_rules_are_checked_before_anything_is_sent() {
    assertThatThrownBy(() -> client.searchPatients(new PatientSearch(null, " ", null, null), 10))
        .isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(
            () -> client.searchPatients(new PatientSearch("Smith", null, "1980-13-01", null), 10))
        .isInstanceOf(InvalidRequestException.class);
  }

  @Test
  void finds_an_encounter_by_its_fin() {
    EncounterRecord record = sandbox.data().encounters().get(5);
    Encounter encounter =
        client.encounterByFin(SandboxIdentifiers.FIN_SYSTEM, record.fin()).orElseThrow();
    assertThat(encounter.getIdElement().getIdPart()).isEqualTo(Long.toString(record.encounterId()));
    assertThat(EncounterMapper.fin(encounter).orElseThrow().getValue()).isEqualTo(record.fin());
  }

  @Test
  void an_expired_token_is_replaced_once_and_the_call_goes_through() {
    String id = Long.toString(sandbox.data().patients().get(0).personId());
    client.readPatient(id);
    int grants = tokens.grants();
    CLOCK.advance(Duration.ofSeconds(600)); // past the sandbox's 570 s token lifetime

    client.readPatient(id);

    assertThat(tokens.invalidations()).isEqualTo(1);
    assertThat(tokens.grants()).isEqualTo(grants + 1);
  }

  @Test
  void a_missing_scope_is_forbidden_with_a_readable_error() {
    CernerFhirClient readOnly =
        clients.client(SandboxEndpoints.of(sandbox, 2, Set.of("system/Patient.read")));
    Observation observation = vital(sandbox.data().patients().get(1).personId(), "71.5");

    assertThatThrownBy(() -> readOnly.create(observation))
        .isInstanceOfSatisfying(
            CernerFhirException.class,
            e -> {
              assertThat(e.error()).isEqualTo(FhirError.FORBIDDEN);
              assertThat(e.status()).isEqualTo(403);
              assertThat(e.retryable()).isFalse();
              assertThat(e.requestId()).isNotBlank();
              assertThat(e.getMessage())
                  .startsWith("FHIR-012 Observation create: ")
                  .contains("(HTTP 403)")
                  .contains("request id " + e.requestId());
            });
  }

  @Test
  void a_wrong_tenant_is_forbidden() {
    FhirEndpoint right = SandboxEndpoints.of(sandbox, 3);
    FhirEndpoint wrong =
        new FhirEndpoint(
            3,
            "wrong",
            right.fhirRoot().replace(sandbox.tenant(), "00000000-0000-0000-0000-000000000000"),
            right.scopes(),
            right.timeZone(),
            null,
            null,
            false,
            false);
    assertThatThrownBy(() -> clients.client(wrong).readPatient("1"))
        .isInstanceOfSatisfying(
            CernerFhirException.class, e -> assertThat(e.error()).isEqualTo(FhirError.FORBIDDEN));
  }

  @Test
  void a_business_rule_violation_is_unprocessable_with_cerners_diagnostics() {
    DocumentReference document = new DocumentReference();
    document.setStatus(org.hl7.fhir.r4.model.Enumerations.DocumentReferenceStatus.SUPERSEDED);
    document.setType(
        new CodeableConcept(new Coding(FhirSystems.LOINC, "11506-3", "Progress note")));
    document.setSubject(new Reference("Patient/" + sandbox.data().patients().get(1).personId()));
    assertThatThrownBy(() -> client.create(document))
        .isInstanceOfSatisfying(
            CernerFhirException.class,
            e -> {
              assertThat(e.error()).isEqualTo(FhirError.UNPROCESSABLE);
              assertThat(e.getMessage()).contains("DocumentReference.status must be current");
            });
  }

  @Test
  void a_406_not_acceptable_is_rejected_at_once_without_retries() {
    sandbox.faults().errorRate("/r4/", 406, 1.0);
    String id = Long.toString(sandbox.data().patients().get(4).personId());

    assertThatThrownBy(() -> client.readPatient(id))
        .isInstanceOfSatisfying(
            CernerFhirException.class,
            e -> {
              assertThat(e.status()).isEqualTo(406);
              assertThat(e.error()).isEqualTo(FhirError.REJECTED);
              assertThat(e.retryable()).isFalse();
            });
    assertThat(slept).as("a refusal is not retried").isEmpty();
  }

  @Test
  void a_stale_if_match_is_a_conflict() {
    SlotRecord slot = freeSlot(3);
    String version = Integer.toString(slot.version());
    String held = client.patchSlotStatus(slot.slotId(), version, SchedulingMapper.HELD);
    assertThat(held).isEqualTo(Integer.toString(slot.version() + 1));

    assertThatThrownBy(() -> client.patchSlotStatus(slot.slotId(), version, SchedulingMapper.FREE))
        .isInstanceOfSatisfying(
            CernerFhirException.class, e -> assertThat(e.error()).isEqualTo(FhirError.CONFLICT));
    client.patchSlotStatus(slot.slotId(), held, SchedulingMapper.FREE);
    assertThat(sandbox.data().slot(slot.slotId()).orElseThrow().status())
        .isEqualTo(SlotStatus.FREE);
  }

  @Test
  void a_storm_of_429s_is_waited_out_as_retry_after_says() {
    String id = Long.toString(sandbox.data().patients().get(2).personId());
    sandbox.faults().rateLimit("/r4/", 3, Duration.ofSeconds(2));

    Patient patient = client.readPatient(id);

    assertThat(patient.getIdElement().getIdPart()).isEqualTo(id);
    assertThat(slept)
        .containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2));
  }

  @Test
  void reads_give_up_after_their_retries_and_say_so() {
    sandbox.faults().rateLimit("/r4/", 10, Duration.ofSeconds(1));
    assertThatThrownBy(() -> client.readPatient("1"))
        .isInstanceOfSatisfying(
            CernerFhirException.class,
            e -> {
              assertThat(e.retryable()).isTrue();
              assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(1));
              assertThat(e.status()).isEqualTo(429);
            });
    assertThat(slept).hasSize(FhirClientProperties.defaults().readRetries());
  }

  @Test
  void a_dropped_connection_on_a_read_is_retried() {
    String id = Long.toString(sandbox.data().patients().get(4).personId());
    sandbox.faults().dropConnections("/r4/", 1);
    // Apache HttpClient's own retry of an idempotent request may answer it before ours does
    assertThat(client.readPatient(id).getIdElement().getIdPart()).isEqualTo(id);
    assertThat(slept).hasSizeLessThanOrEqualTo(1);
  }

  @Test
  void writes_are_not_retried_here_but_say_how_long_to_wait() {
    sandbox.faults().outage("/r4/", Duration.ofMinutes(5));
    Observation observation = vital(sandbox.data().patients().get(1).personId(), "70.1");
    assertThatThrownBy(() -> client.create(observation))
        .isInstanceOfSatisfying(
            CernerFhirException.class,
            e -> {
              assertThat(e.error()).isEqualTo(FhirError.UNAVAILABLE);
              assertThat(e.retryAfter()).isEqualTo(Duration.ofMinutes(5));
            });
    assertThat(slept).isEmpty();
  }

  @Test
  void an_observation_created_twice_exists_once() {
    long patient = sandbox.data().patients().get(6).personId();
    Observation observation = vital(patient, "88.8");
    IdempotentCreates creates = new IdempotentCreates();
    int before = sandbox.data().observations().size();

    String first = creates.observation(client, observation);
    String again = creates.observation(client, vital(patient, "88.8"));
    String other = creates.observation(client, vital(patient, "88.9"));

    assertThat(again).isEqualTo(first);
    assertThat(other).isNotEqualTo(first);
    assertThat(sandbox.data().observations()).hasSize(before + 2);
    ObservationDraft read =
        new ObservationMapper()
            .toDraft(
                client
                    .observations(Long.toString(patient), "http://loinc.org|29463-7", null, null)
                    .stream()
                    .filter(o -> o.getIdElement().getIdPart().equals(first))
                    .findFirst()
                    .orElseThrow(),
                new NumericReferences());
    assertThat(read.value()).isEqualTo("88.8");
    assertThat(read.unit()).isEqualTo("kg");
  }

  static final Instant EFFECTIVE = Instant.parse("2026-11-18T09:15:00Z");

  static Observation vital(long patient, String kg) {
    com.practicestudio.clinical.Observation local =
        ObservationMapperTest.local("vital-signs", "29463-7", kg, "kg", null, null);
    Observation fhir = new ObservationMapper().toFhir(local, Long.toString(patient), null);
    fhir.setEffective(new org.hl7.fhir.r4.model.DateTimeType(java.util.Date.from(EFFECTIVE)));
    fhir.getValueQuantity().setValue(new BigDecimal(kg));
    return fhir;
  }

  SlotRecord freeSlot(int skip) {
    return sandbox.data().slots().stream()
        .filter(s -> s.status() == SlotStatus.FREE)
        .filter(s -> s.start().isAfter(CLOCK.instant()))
        .skip(skip * 37L)
        .findFirst()
        .orElseThrow();
  }
}
