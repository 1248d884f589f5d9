package com.practicestudio.patients;

import static org.assertj.core.api.Assertions.assertThat;

import com.practicestudio.contact.Address;
import com.practicestudio.contact.PhoneNumbers;
import com.practicestudio.contact.PhoneProperties;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

class PatientDiffTest {

  private final PatientValidator validator =
      new PatientValidator(
          new PhoneNumbers(new PhoneProperties("US")), id -> true, Clock.systemUTC());

  private PatientData data(PatientInput.Builder b) {
    return validator.validate(b.build(), null, false);
  }

  private static PatientInput.Builder base() {
    return PatientInput.builder()
        .mrn("1")
        .name("Ada", null, "Lovelace", null)
        .ssn("123456789")
        .address(new Address("1 Main", null, "Kansas City", "MO", "64116", null))
        .phones("555 123 4567", null, null, null);
  }

  @Test
  void names_each_changed_field_and_address_part() {
    List<FieldChange> changes =
        PatientDiff.between(
            data(base()),
            data(
                base()
                    .name("Ada", null, "Byron", null)
                    .address(new Address("1 Main", null, "St Louis", "MO", "63101", null))
                    .phones("(555) 123-4567", "555 765 4321", null, null)));
    assertThat(changes)
        .extracting(FieldChange::field)
        .containsExactly("lastName", "address.city", "address.postalCode", "phoneMobile");
    assertThat(changes.get(0).before()).isEqualTo("Lovelace");
    assertThat(changes.get(0).after()).isEqualTo("Byron");
  }

  @Test
  void the_same_data_written_differently_is_no_change() {
    assertThat(
            PatientDiff.between(
                data(base()), data(base().phones("+1 555-123-4567", null, null, null))))
        .isEmpty();
  }

  @Test
  void an_ssn_change_shows_only_its_last_four_digits() {
    FieldChange change = PatientDiff.between(data(base()), data(base().ssn("987-65-4321"))).get(0);
    assertThat(change.field()).isEqualTo("ssn");
    assertThat(change.before()).isEqualTo("***-**-6789");
    assertThat(change.after()).isEqualTo("***-**-4321");
    assertThat(change.toString()).doesNotContain("6789", "4321");
  }

  @Test
  void a_new_patient_changes_every_field_it_sets() {
    assertThat(PatientDiff.created(data(base())))
        .extracting(FieldChange::field)
        .containsExactly(
            "mrn",
            "identifiers",
            "firstName",
            "lastName",
            "ssn",
            "address.line1",
            "address.city",
            "address.state",
            "address.postalCode",
            "phoneHome");
  }
}
