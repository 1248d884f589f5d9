package com.practicestudio.patients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.practicestudio.contact.Address;
import com.practicestudio.contact.PhoneNumbers;
import com.practicestudio.contact.PhoneProperties;
import com.practicestudio.patients.PatientInput.CoverageInput;
import com.practicestudio.web.FieldProblem;
import com.practicestudio.web.InvalidRequestException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PatientValidatorTest {

  private static final long KNOWN_PROVIDER = 7;
  private final Clock clock = Clock.fixed(Instant.parse("2026-11-19T14:30:00Z"), ZoneOffset.UTC);
  private final PatientValidator validator =
      new PatientValidator(
          new PhoneNumbers(new PhoneProperties("US")), id -> id == KNOWN_PROVIDER, clock);

  private static PatientInput.Builder valid() {
    return PatientInput.builder()
        .mrn("MRN-1")
        .name("Ada", "B", "Lovelace", "III")
        .dateOfBirth("1980-08-11")
        .gender("f")
        .ssn("123-45-6789")
        .address(new Address("1 Main St", " ", "Kansas City", "MO", "64116", "US"))
        .phones("(555) 123-4567", "call me later", "555.123.4567 x12", null)
        .email("ada@example.org")
        .primaryProviderId(KNOWN_PROVIDER)
        .coverages(
            List.of(
                new CoverageInput(
                    null,
                    "Acme Health",
                    null,
                    "Gold",
                    "M1",
                    null,
                    null,
                    "self",
                    "2026-01-01",
                    null)));
  }

  @Test
  void a_valid_patient_is_normalised() {
    PatientData d = validator.validate(valid().build(), null, false);
    assertThat(d.gender()).isEqualTo("F");
    assertThat(d.ssn()).isEqualTo("123456789");
    assertThat(d.ssnLast4()).isEqualTo("6789");
    assertThat(d.address().line2()).isNull();
    assertThat(d.phoneHome().value()).isEqualTo("+15551234567");
    assertThat(d.phoneMobile().valid()).isFalse();
    assertThat(d.phoneMobile().value()).isEqualTo("call me later");
    assertThat(d.phoneWork().extension()).isEqualTo("12");
    assertThat(d.identifiers()).containsExactly(new PatientIdentifier("MR", "MRN-1", null, null));
    assertThat(d.coverages().get(0).priority()).isEqualTo(1);
    assertThat(d.dateOfBirth()).isEqualTo(LocalDate.of(1980, 8, 11));
    assertThat(d.active()).isTrue();
  }

  @Test
  void the_mrn_comes_from_the_identifiers_when_not_given() {
    PatientInput in =
        PatientInput.builder()
            .name(null, null, "Doe", null)
            .identifier("PI", "X1", null, null)
            .identifier("MR", "42", "HOSP", null)
            .build();
    PatientData d = validator.validate(in, null, false);
    assertThat(d.mrn()).isEqualTo("42");
    assertThat(d.identifiers()).hasSize(2);
  }

  static Stream<Arguments> badFields() {
    return Stream.of(
        bad("lastName", b -> b.name("Ada", null, " ", null)),
        bad("dateOfBirth", b -> b.dateOfBirth("11/08/1980")),
        bad("dateOfBirth", b -> b.dateOfBirth("1980-02-30")),
        bad("dateOfBirth", b -> b.dateOfBirth("1980-13-01")),
        bad("dateOfBirth", b -> b.dateOfBirth("1980-00-10")),
        bad("dateOfBirth", b -> b.dateOfBirth("1980-1-011")),
        bad("dateOfBirth", b -> b.dateOfBirth("1980-01-1")),
        bad("dateOfBirth", b -> b.dateOfBirth("1980/01/10")),
        bad("dateOfBirth", b -> b.dateOfBirth("2026-11-21")),
        bad("deceasedDate", b -> b.deceasedDate(LocalDate.of(1970, 1, 1))),
        bad("gender", b -> b.gender("X")),
        bad("gender", b -> b.gender("male")),
        bad("ssn", b -> b.ssn("123-456-789")),
        bad("ssn", b -> b.ssn("12345678")),
        bad(
            "address.postalCode",
            b -> b.address(new Address(null, null, null, null, "6411", null))),
        bad(
            "address.postalCode",
            b -> b.address(new Address(null, null, null, null, "ABCDE", "USA"))),
        bad("email", b -> b.email("ada@")),
        bad("email", b -> b.email("ada example.org")),
        bad("primaryProviderId", b -> b.primaryProviderId(99L)),
        bad("identifiers[0].value", b -> b.identifier("PI", " ", null, null)),
        bad(
            "coverages[0].insurerName",
            b ->
                b.coverages(
                    List.of(
                        new CoverageInput(
                            1, null, null, null, null, null, null, null, null, null)))),
        bad(
            "coverages[0].expirationDate",
            b ->
                b.coverages(
                    List.of(
                        new CoverageInput(
                            1,
                            "Acme",
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            "2026-02-01",
                            "2026-01-01")))),
        bad(
            "coverages[0].priority",
            b ->
                b.coverages(
                    List.of(
                        new CoverageInput(
                            0, "Acme", null, null, null, null, null, null, null, null)))));
  }

  private static Arguments bad(String field, UnaryOperator<PatientInput.Builder> change) {
    return Arguments.of(field, change);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badFields")
  void names_the_bad_field(String field, UnaryOperator<PatientInput.Builder> change) {
    PatientInput in = change.apply(valid()).build();
    assertThatThrownBy(() -> validator.validate(in, null, false))
        .isInstanceOf(InvalidRequestException.class)
        .satisfies(
            e ->
                assertThat(((InvalidRequestException) e).problems())
                    .extracting(FieldProblem::field)
                    .containsExactly(field));
  }

  @Test
  void names_every_bad_field_at_once_without_echoing_values() {
    PatientInput in = valid().dateOfBirth("yesterday").gender("Z").ssn("999").email("nope").build();
    assertThatThrownBy(() -> validator.validate(in, null, false))
        .isInstanceOf(InvalidRequestException.class)
        .satisfies(
            e -> {
              List<FieldProblem> problems = ((InvalidRequestException) e).problems();
              assertThat(problems)
                  .extracting(FieldProblem::field)
                  .containsExactlyInAnyOrder("dateOfBirth", "gender", "ssn", "email");
              assertThat(problems.toString()).doesNotContain("yesterday", "999", "nope");
            });
  }

  @Test
  void a_postal_code_outside_the_us_is_not_held_to_zip_rules() {
    PatientInput in =
        valid()
            .address(new Address("10 Downing St", null, "London", null, "SW1A 2AA", "GB"))
            .build();
    assertThat(validator.validate(in, null, false).address().postalCode()).isEqualTo("SW1A 2AA");
  }

  @Test
  void a_missing_ssn_keeps_the_stored_one_unless_cleared() {
    PatientInput in = valid().ssn(null).build();
    assertThat(validator.validate(in, "987654321", false).ssn()).isEqualTo("987654321");
    assertThat(validator.validate(in, "987654321", true).ssn()).isNull();
    assertThat(validator.validate(valid().build(), "987654321", true).ssn()).isEqualTo("123456789");
  }

  @Test
  void a_date_of_birth_of_today_anywhere_on_earth_is_accepted() {
    PatientInput in = valid().dateOfBirth("2026-11-20").build(); // already the 20th in Kiribati
    assertThat(validator.validate(in, null, false).dateOfBirth()).isEqualTo("2026-11-20");
  }

  @Test
  void duplicate_identifiers_in_one_input_are_collapsed() {
    PatientInput in =
        valid().identifier("MR", "MRN-1", null, null).identifier("MR", "MRN-1", null, null).build();
    assertThat(validator.validate(in, null, false).identifiers()).hasSize(1);
  }
}
