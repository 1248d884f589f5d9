package com.practicestudio.hl7.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.practicestudio.journal.ExchangeFailure;
import com.practicestudio.patients.PatientInput.CoverageInput;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** IN1 → coverage, one row per mapped field. */
class In1MapperTest {

  static Stream<Arguments> fields() {
    return Stream.of(
        // IN1-1 set id is the priority
        row("IN1-1 priority", "IN1|2||636|MEDICAID", CoverageInput::priority, 2),
        // IN1-4 insurance company name
        row("IN1-4 insurer", "IN1|1||636|MEDICAID", CoverageInput::insurerName, "MEDICAID"),
        // IN1-2 plan text stands in when IN1-4 is empty
        row(
            "IN1-2 insurer fallback",
            "IN1|1|BAV^Blue Advantage HMO",
            CoverageInput::insurerName,
            "Blue Advantage HMO"),
        // IN1-3 insurance company id
        row(
            "IN1-3 insurer id",
            "IN1|1||IC-1.31^24^BCV|Blue Cross",
            CoverageInput::insurerId,
            "IC-1.31"),
        // IN1-2 plan
        row(
            "IN1-2 plan",
            "IN1|1|BAV^Blue Advantage HMO||Blue Cross",
            CoverageInput::planName,
            "Blue Advantage HMO"),
        // IN1-8 group number
        row("IN1-8 group", "IN1|1||1|ABC Insurance||||G1234", CoverageInput::groupNumber, "G1234"),
        // IN1-12 / IN1-13 plan effective and expiration dates
        row(
            "IN1-12 effective",
            "IN1|1||1|ABC||||||||19891001|20501001",
            CoverageInput::effectiveDate,
            "1989-10-01"),
        row(
            "IN1-13 expiration",
            "IN1|1||1|ABC||||||||19891001|20501001",
            CoverageInput::expirationDate,
            "2050-10-01"),
        // IN1-16 name of insured
        row(
            "IN1-16 subscriber",
            "IN1|1||1|ABC||||||||||||Doe^Rosallie^John",
            CoverageInput::subscriberName,
            "Rosallie John Doe"),
        // IN1-17 relationship (HL7 table 0063)
        row(
            "IN1-17 relationship code",
            "IN1|1||1|ABC|||||||||||||SPO^Spouse",
            CoverageInput::relationship,
            "spouse"),
        row(
            "IN1-17 relationship word",
            "IN1|1||1|ABC|||||||||||||SELF",
            CoverageInput::relationship,
            "self"),
        // IN1-36 policy number is the member id
        row(
            "IN1-36 member id",
            "IN1|1||1|ABC" + "|".repeat(32) + "ZYX1234589-1",
            CoverageInput::memberId,
            "ZYX1234589-1"),
        // IN1-49 insured's id number when IN1-36 is empty
        row(
            "IN1-49 member id fallback",
            "IN1|1||1|ABC" + "|".repeat(45) + "HMO-12345^^^X^NI",
            CoverageInput::memberId,
            "HMO-12345"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fields")
  void maps_each_field(
      String field, String in1, Function<CoverageInput, Object> read, Object expected) {
    List<CoverageInput> coverages = In1Mapper.coverages(TestInbound.message(msh() + in1));
    assertThat(coverages).hasSize(1);
    assertThat(read.apply(coverages.get(0))).isEqualTo(expected);
  }

  @Test
  void several_in1_segments_are_several_coverages_and_an_in1_without_insurer_is_left_out() {
    List<CoverageInput> coverages =
        In1Mapper.coverages(
            TestInbound.message(
                msh() + "IN1|1|MEDICARE|3|MEDICARE\nIN1|2\nIN1|3|SELF PAY|1|SELF PAY"));
    assertThat(coverages)
        .extracting(CoverageInput::insurerName)
        .containsExactly("MEDICARE", "SELF PAY");
  }

  @Test
  void no_in1_leaves_the_coverages_as_they_are() {
    assertThat(In1Mapper.coverages(TestInbound.message(msh() + "PID|1||1^^^^MR||DOE"))).isNull();
  }

  @Test
  void a_bad_date_names_the_in1_and_field() {
    assertThatThrownBy(
            () -> In1Mapper.coverages(TestInbound.message(msh() + "IN1|1||1|ABC||||||||Jan 2019")))
        .isInstanceOfSatisfying(
            ExchangeFailure.class,
            f ->
                assertThat(f.code() + " " + f.text())
                    .isEqualTo("HL7-105 IN1(1)-12 is not an HL7 date/time"));
  }

  private static String msh() {
    return "MSH|^~\\&|||||||ADT^A08|1|P|2.3\n";
  }

  private static Arguments row(
      String field, String in1, Function<CoverageInput, Object> read, Object expected) {
    return Arguments.of(field, in1, read, expected);
  }
}
