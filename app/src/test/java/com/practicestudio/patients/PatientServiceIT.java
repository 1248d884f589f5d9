package com.practicestudio.patients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.practicestudio.contact.Address;
import com.practicestudio.testing.IntegrationTest;
import com.practicestudio.testing.JsonApi;
import com.practicestudio.web.ConflictException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.ApplicationEventMulticaster;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;

@IntegrationTest
class PatientServiceIT {

  @Autowired PatientService patients;
  @Autowired ApplicationEventMulticaster multicaster;
  @Autowired JdbcClient jdbc;

  private final List<ApplicationListener<?>> listeners = new ArrayList<>();

  @AfterEach
  void removeListeners() {
    listeners.forEach(multicaster::removeApplicationListener);
  }

  private void onMerge(java.util.function.Consumer<PatientsMerged> action) {
    ApplicationListener<PayloadApplicationEvent<?>> listener =
        event -> {
          if (event.getPayload() instanceof PatientsMerged merged) {
            action.accept(merged);
          }
        };
    listeners.add(listener);
    multicaster.addApplicationListener(listener);
  }

  private static PatientInput.Builder adt(String mrn) {
    return PatientInput.builder()
        .mrn(mrn)
        .identifier("MR", mrn, "HOSP", null)
        .name("Zaphod", null, "Beeblebrox", null)
        .dateOfBirth("1978-10-12")
        .gender("M")
        .address(new Address("1 Heart of Gold ave", null, "Fort Wayne", "IN", "46804", null))
        .phones("(260)555-1234", null, null, null)
        .ssn("123-45-6789");
  }

  @Test
  void upsert_creates_then_reports_exactly_the_fields_that_changed() {
    String mrn = "U-" + JsonApi.unique();
    UpsertResult first = patients.upsert(adt(mrn).build(), Set.of(), "HL7 ADT^A04");
    assertThat(first.created()).isTrue();
    assertThat(first.changedFields()).contains("lastName", "dateOfBirth", "phoneHome");

    UpsertResult again = patients.upsert(adt(mrn).build(), Set.of(), "HL7 ADT^A08");
    assertThat(again.created()).isFalse();
    assertThat(again.changes()).as("idempotent").isEmpty();
    assertThat(again.patient().version()).isEqualTo(1);
    assertThat(again.patient())
        .as("an unchanged upsert answers the stored record, as a fresh read gives it")
        .usingRecursiveComparison()
        .ignoringFields("ssnLast4")
        .isEqualTo(patients.find(first.patient().id()).orElseThrow());
    assertThat(patients.find(first.patient().id()).orElseThrow().ssnLast4())
        .as("stored")
        .isEqualTo("6789");
    assertThat(again.patient().ssnLast4())
        .as("not to a caller without PHI_READ (this test has none)")
        .isNull();

    UpsertResult moved =
        patients.upsert(
            PatientInput.builder()
                .mrn(mrn)
                .address(new Address("2 Main", null, "Fort Wayne", "IN", "46805", null))
                .email("z@example.org")
                .build(),
            Set.of("phoneHome"),
            "HL7 ADT^A08");
    assertThat(moved.changedFields())
        .containsExactly("address.line1", "address.postalCode", "phoneHome", "email");
    assertThat(moved.changes().get(0).before()).isEqualTo("1 Heart of Gold ave");
    Patient p = moved.patient();
    assertThat(p.firstName()).as("absent fields stay").isEqualTo("Zaphod");
    assertThat(p.phoneHome()).isNull();
    assertThat(p.version()).isEqualTo(2);
  }

  @Test
  void a_preview_shows_the_changes_and_writes_nothing() {
    String mrn = "P-" + JsonApi.unique();
    assertThat(patients.previewUpsert(adt(mrn).build(), Set.of()).created()).isTrue();
    assertThat(patients.findByMrn(mrn, null)).isEmpty();
    patients.upsert(adt(mrn).build(), Set.of(), "test");
    UpsertResult preview =
        patients.previewUpsert(PatientInput.builder().mrn(mrn).gender("F").build(), Set.of());
    assertThat(preview.changedFields()).containsExactly("gender");
    assertThat(patients.findByMrn(mrn, "HOSP").orElseThrow().gender()).isEqualTo("M");
  }

  @Test
  void an_mrn_without_an_assigning_authority_is_found_again() {
    String mrn = "NA-" + JsonApi.unique();
    PatientInput input =
        PatientInput.builder()
            .mrn(mrn)
            .identifier("MR", mrn, null, null)
            .name("Ann", null, "Noauthority", null)
            .build();
    UpsertResult first = patients.upsert(input, Set.of(), "HL7 ADT^A04");
    UpsertResult again = patients.upsert(input, Set.of(), "HL7 ADT^A08");
    assertThat(again.created()).isFalse();
    assertThat(again.patient().id()).isEqualTo(first.patient().id());
  }

  @Test
  void identifiers_naming_two_patients_are_a_conflict() {
    String a = "CA-" + JsonApi.unique();
    String b = "CB-" + JsonApi.unique();
    patients.upsert(adt(a).build(), Set.of(), "test");
    patients.upsert(adt(b).externalId("ext-" + b).build(), Set.of(), "test");
    PatientInput both = PatientInput.builder().mrn(a).externalId("ext-" + b).build();
    assertThatThrownBy(() -> patients.upsert(both, Set.of(), "test"))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void merge_publishes_its_event_inside_the_transaction_and_lookups_answer_the_survivor() {
    String s = "MS-" + JsonApi.unique();
    String m = "MM-" + JsonApi.unique();
    long survivor = patients.upsert(adt(s).build(), Set.of(), "test").patient().id();
    long merged =
        patients.upsert(adt(m).externalId("ext-" + m).build(), Set.of(), "test").patient().id();
    List<PatientsMerged> seen = new ArrayList<>();
    List<Boolean> inTransaction = new ArrayList<>();
    onMerge(
        e -> {
          seen.add(e);
          inTransaction.add(TransactionSynchronizationManager.isActualTransactionActive());
        });

    PatientMerge merge = patients.merge(survivor, merged, "HL7 ADT^A40", 42L);

    assertThat(seen).containsExactly(new PatientsMerged(survivor, merged, "HL7 ADT^A40", 42L));
    assertThat(inTransaction).containsExactly(true);
    assertThat(merge.exchangeId()).isEqualTo(42L);
    assertThat(patients.findByMrn(m, "HOSP").orElseThrow().id()).isEqualTo(survivor);
    assertThat(patients.findByMrn(m, null).orElseThrow().id()).isEqualTo(survivor);
    assertThat(patients.findByExternalId("ext-" + m).orElseThrow().id()).isEqualTo(survivor);
    assertThat(patients.findByIdentifier("MR", m, null).orElseThrow().id()).isEqualTo(survivor);
    assertThat(patients.find(merged).orElseThrow().mergedIntoId()).isEqualTo(survivor);

    // an A08 for the merged MRN now updates the survivor, keeping the survivor's external id
    UpsertResult update =
        patients.upsert(
            PatientInput.builder().mrn(m).externalId("ext-" + m).email("s@example.org").build(),
            Set.of(),
            "HL7 ADT^A08");
    assertThat(update.patient().id()).isEqualTo(survivor);
    assertThat(update.changedFields()).containsExactly("email");
  }

  @Test
  void a_failing_merge_listener_rolls_the_whole_merge_back() {
    long survivor =
        patients.upsert(adt("RS-" + JsonApi.unique()).build(), Set.of(), "t").patient().id();
    long merged =
        patients.upsert(adt("RM-" + JsonApi.unique()).build(), Set.of(), "t").patient().id();
    onMerge(
        e -> {
          throw new IllegalStateException("appointments could not move");
        });
    assertThatThrownBy(() -> patients.merge(survivor, merged, "test", null))
        .isInstanceOf(IllegalStateException.class);
    assertThat(patients.find(merged).orElseThrow().merged()).isFalse();
    assertThat(patients.find(merged).orElseThrow().identifiers()).isNotEmpty();
    assertThat(
            jdbc.sql("SELECT count(*) FROM patient_merge WHERE merged_id = ?")
                .param(merged)
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void chains_of_merges_stay_one_hop() {
    long a = patients.upsert(adt("CHA-" + JsonApi.unique()).build(), Set.of(), "t").patient().id();
    long b = patients.upsert(adt("CHB-" + JsonApi.unique()).build(), Set.of(), "t").patient().id();
    long c = patients.upsert(adt("CHC-" + JsonApi.unique()).build(), Set.of(), "t").patient().id();
    patients.merge(b, a, "t", null);
    patients.merge(c, b, "t", null);
    assertThat(patients.find(a).orElseThrow().mergedIntoId()).isEqualTo(c);
    assertThat(patients.find(c).orElseThrow().identifiers()).hasSize(3);
    assertThat(patients.merges(b)).hasSize(2);
  }

  @Test
  void the_ssn_is_revealed_only_through_an_audited_call() {
    String mrn = "SS-" + JsonApi.unique();
    long id = patients.upsert(adt(mrn).ssn("987654321").build(), Set.of(), "t").patient().id();
    assertThat(patients.find(id).orElseThrow().ssn()).isNull();
    assertThat(patients.find(id).orElseThrow().ssnLast4()).isEqualTo("4321");
    assertThat(patients.revealSsn(id, "hl7-outbound")).contains("987-65-4321");
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM audit_event WHERE action = 'PHI_READ'"
                        + " AND target_id = ? AND detail->>'via' = 'hl7-outbound'")
                .param(Long.toString(id))
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }
}
