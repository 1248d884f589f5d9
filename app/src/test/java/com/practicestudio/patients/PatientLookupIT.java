package com.practicestudio.patients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.practicestudio.patients.PatientRepository.SsnPolicy;
import com.practicestudio.security.Actor;
import com.practicestudio.security.Permission;
import com.practicestudio.testing.IntegrationTest;
import com.practicestudio.testing.JsonApi;
import com.practicestudio.web.ConflictException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** The one-query identifier lookup answers as the single lookups it replaces. */
@IntegrationTest
class PatientLookupIT {

  @Autowired PatientService patients;
  @Autowired TransactionTemplate tx;

  private long create(String mrn, String authority, PatientIdentifier... more) {
    PatientInput.Builder b = PatientInput.builder().mrn(mrn).identifier("MR", mrn, authority, null);
    for (PatientIdentifier i : more) {
      b.identifier(i.type(), i.value(), i.assigningAuthority(), null);
    }
    return patients
        .upsert(b.name("Lookup", null, "Tester", null).build(), Set.of(), "test")
        .patient()
        .id();
  }

  private static PatientIdentifier id(String type, String value, String authority) {
    return new PatientIdentifier(type, value, authority, null);
  }

  @Test
  void identifiers_naming_different_patients_are_answered_each_and_refused_together() {
    String a = "LA-" + JsonApi.unique();
    String b = "LB-" + JsonApi.unique();
    long first = create(a, "HOSP");
    long second = create(b, "HOSP", id("AN", "acct-" + b, "HOSP"));
    List<PatientIdentifier> both = List.of(id("MR", a, "HOSP"), id("AN", "acct-" + b, "HOSP"));

    PatientLookup lookup = patients.lookup(a, "HOSP", both);

    assertThat(lookup.byMrn(a, "HOSP")).contains(first);
    assertThat(lookup.byIdentifier("MR", a, "HOSP")).contains(first);
    assertThat(lookup.byIdentifier("AN", "acct-" + b, "HOSP")).contains(second);
    assertThat(lookup.byIdentifier("AN", "acct-" + b, "ELSEWHERE")).isEmpty();
    PatientInput input =
        PatientInput.builder()
            .mrn(a)
            .identifier("MR", a, "HOSP", null)
            .identifier("AN", "acct-" + b, "HOSP", null)
            .build();
    assertThatThrownBy(
            () ->
                tx.execute(
                    s ->
                        patients.upsert(input, Set.of(), "test", patients.lookup(a, "HOSP", both))))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("different patients");
  }

  @Test
  void exact_and_loose_keys_read_together_each_find_their_holder() {
    String u = JsonApi.unique();
    long first = create("LX-" + u, "HOSP", id("AN", "acct-" + u, "HOSP"));
    long second = create("LY-" + u, "CLINIC");
    List<PatientIdentifier> keys =
        List.of(
            id("AN", "acct-" + u, "HOSP"),
            id("MR", "LZ-" + u, "HOSP"), // held by no one
            id("MR", "LY-" + u, null), // any authority
            id(null, "acct-" + u, "HOSP")); // any type: the same identifier as the first key

    PatientLookup lookup = patients.lookup("LX-" + u, "HOSP", keys);

    assertThat(lookup.byMrn("LX-" + u, "HOSP")).contains(first);
    assertThat(lookup.byIdentifier("AN", "acct-" + u, "HOSP")).contains(first);
    assertThat(lookup.byIdentifier(null, "acct-" + u, "HOSP")).contains(first);
    assertThat(lookup.byIdentifier("MR", "LZ-" + u, "HOSP")).isEmpty();
    assertThat(lookup.byIdentifier("MR", "LY-" + u, null)).contains(second);
  }

  @Test
  void read_ahead_answers_each_independent_upsert_once_and_leaves_the_others_to_read_alone() {
    String u = JsonApi.unique();
    long alone = create("RA-" + u, "HOSP");
    long sharer = create("RB-" + u, "HOSP", id("AN", "acct-" + u, "HOSP"));
    long survivor = create("RC-" + u, "HOSP");
    patients.merge(survivor, create("RD-" + u, "HOSP"), "test", null);
    List<PatientIdentifier> a = List.of(id("MR", "RA-" + u, "HOSP"));
    List<PatientIdentifier> b = List.of(id("MR", "RB-" + u, "HOSP"), id("AN", "acct-" + u, "HOSP"));
    // another record giving b's account number: b's write could change what it reads
    List<PatientIdentifier> x = List.of(id("MR", "RX-" + u, "HOSP"), id("AN", "acct-" + u, "HOSP"));
    List<PatientIdentifier> c = List.of(id("MR", "RC-" + u, "HOSP"));
    // the merged record's MRN: it names c's survivor too
    List<PatientIdentifier> d = List.of(id("MR", "RD-" + u, "HOSP"));
    List<PatientIdentifier> n = List.of(id("MR", "RN-" + u, "HOSP"));
    SsnPolicy shown = Actor.can(Permission.PHI_READ) ? SsnPolicy.LAST4 : SsnPolicy.NONE;

    tx.executeWithoutResult(
        s -> {
          patients.readAhead(
              List.of(a, b, x, c, d, n).stream()
                  .map(keys -> new PatientService.LookupRequest(keys.get(0).value(), "HOSP", keys))
                  .toList());

          PatientLookup forA = patients.lookup("RA-" + u, "HOSP", a);
          assertThat(forA.byMrn("RA-" + u, "HOSP")).contains(alone);
          PatientLookup.Locked locked = forA.takeLocked(alone, shown);
          assertThat(locked).as("read ahead and locked").isNotNull();
          assertThat(locked.current().mrn()).isEqualTo("RA-" + u);
          assertThat(forA.takeLocked(alone, shown)).as("handed out once").isNull();
          assertThat(patients.lookup("RA-" + u, "HOSP", a).takeLocked(alone, shown))
              .as("a second lookup reads for itself")
              .isNull();

          assertThat(patients.lookup("RB-" + u, "HOSP", b).takeLocked(sharer, shown)).isNull();
          PatientLookup forC = patients.lookup("RC-" + u, "HOSP", c);
          PatientLookup forD = patients.lookup("RD-" + u, "HOSP", d);
          assertThat(forC.byMrn("RC-" + u, "HOSP")).contains(survivor);
          assertThat(forD.byMrn("RD-" + u, "HOSP")).contains(survivor);
          assertThat(forC.takeLocked(survivor, shown)).as("named by two: not locked").isNull();
          assertThat(forD.takeLocked(survivor, shown)).isNull();
          assertThat(patients.lookup("RN-" + u, "HOSP", n).byMrn("RN-" + u, "HOSP")).isEmpty();
        });
  }

  @Test
  void a_merged_record_s_identifiers_answer_the_survivor() {
    String s = "LS-" + JsonApi.unique();
    String m = "LM-" + JsonApi.unique();
    long survivor = create(s, "HOSP");
    long merged = create(m, "HOSP");
    patients.merge(survivor, merged, "test", null);

    PatientLookup lookup = patients.lookup(m, "HOSP", List.of(id("MR", m, "HOSP")));

    assertThat(lookup.byMrn(m, "HOSP")).contains(survivor);
    assertThat(lookup.byMrn(m, null)).contains(survivor);
    assertThat(lookup.byIdentifier(null, m, null)).contains(survivor);
    assertThat(lookup.primaryMrn(survivor)).isEqualTo(s);
  }

  @Test
  void the_primary_mrn_comes_with_the_identifiers_or_is_read_when_none_named_the_patient() {
    String a = "LP-" + JsonApi.unique();
    String b = "LQ-" + JsonApi.unique();
    String pi = "PI-" + JsonApi.unique();
    long named = create(a, "HOSP");
    long other = create(b, "HOSP");
    long withoutMrn =
        patients
            .upsert(
                PatientInput.builder()
                    .identifier("PI", pi, "HOSP", null)
                    .name("Lookup", null, "Tester", null)
                    .build(),
                Set.of(),
                "test")
            .patient()
            .id();

    PatientLookup lookup =
        patients.lookup(a, "HOSP", List.of(id("MR", a, "HOSP"), id("PI", pi, "HOSP")));

    assertThat(lookup.primaryMrn(named)).isEqualTo(a);
    assertThat(lookup.primaryMrn(withoutMrn)).isNull();
    assertThat(lookup.primaryMrn(other)).as("not named: read from the record").isEqualTo(b);
  }

  @Test
  void a_null_authority_matches_any_and_an_mrn_stored_without_one_is_found_under_any() {
    String mrn = "LN-" + JsonApi.unique();
    long noAuthority = create(mrn, null);
    String twice = "LT-" + JsonApi.unique();
    long underA = create(twice, "A");
    long underB = create(twice, "B");

    PatientLookup lookup =
        patients.lookup(mrn, "HOSP", List.of(id("MR", mrn, "HOSP"), id("MR", twice, null)));

    assertThat(lookup.byMrn(mrn, "HOSP")).contains(noAuthority);
    assertThat(lookup.byMrn(mrn, null)).contains(noAuthority);
    assertThat(lookup.byMrn(twice, "A")).contains(underA);
    assertThat(lookup.byMrn(twice, "B")).contains(underB);
    assertThatThrownBy(() -> lookup.byMrn(twice, null))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("the MRN names 2 patients");
    assertThatThrownBy(() -> lookup.byIdentifier("MR", twice, null))
        .isInstanceOf(ConflictException.class);
    assertThat(lookup.byIdentifier("MR", "LX-" + JsonApi.unique(), null)).isEmpty();
  }

  @Test
  void an_identifier_held_by_another_patient_is_refused_on_create() {
    String mrn = "LH-" + JsonApi.unique();
    long holder = create(mrn, "HOSP", id("PI", "pi-" + mrn, "HOSP"));
    PatientInput other =
        PatientInput.builder()
            .mrn("LO-" + JsonApi.unique())
            .identifier("PI", "pi-" + mrn, "ELSEWHERE", null)
            .name("Other", null, "Person", null)
            .build();
    // a different authority is a different identifier: no conflict
    assertThat(patients.create(other).id()).isNotEqualTo(holder);
    PatientInput same =
        PatientInput.builder()
            .mrn("LO-" + JsonApi.unique())
            .identifier("PI", "pi-" + mrn, "HOSP", null)
            .name("Same", null, "Identifier", null)
            .build();
    assertThatThrownBy(() -> patients.create(same))
        .isInstanceOf(ConflictException.class)
        .hasMessage("identifiers: a PI identifier is already held by patient " + holder);
  }
}
