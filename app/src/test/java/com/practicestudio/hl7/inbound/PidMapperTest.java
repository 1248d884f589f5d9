package com.practicestudio.hl7.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.practicestudio.codemaps.CodeMapKind;
import com.practicestudio.contact.Address;
import com.practicestudio.contact.PhoneNumbers;
import com.practicestudio.contact.PhoneProperties;
import com.practicestudio.hl7v2.Segment;
import com.practicestudio.journal.ExchangeFailure;
import com.practicestudio.patients.PatientInput;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** PID → patient fields, one row per mapped field, each with the smallest PID that shows it. */
class PidMapperTest {

  private final PidMapper mapper =
      new PidMapper(Hl7HandlersProperties.defaults(), new PhoneNumbers(new PhoneProperties("US")));

  static Stream<Arguments> fields() {
    return Stream.of(
        // PID-3: the MR repetition is the MRN, its assigning authority (CX-4) kept
        row("PID-3 MR type", "PID|1||A1^^^LAB^PI~555^^^HOSP^MR||DOE", u -> mrn(u), "555@HOSP"),
        // PID-3: Cerner's MRN type code
        row("PID-3 MRN type", "PID|1||777^^^HOSP^MRN||DOE", u -> mrn(u), "777@HOSP"),
        // PID-3: a raw Cerner alias type (CD:10) in the alias pool named MRN
        row(
            "PID-3 Cerner raw type, MRN pool",
            "PID|1||1300964^^^MRN^CD:10||DOE",
            u -> mrn(u),
            "1300964@MRN"),
        // PID-3: v2.3 feeds without types: the first untyped repetition
        row("PID-3 untyped", "PID|1||135769||DOE", u -> mrn(u), "135769@null"),
        // PID-3: HD universal id when the namespace is empty
        row("PID-3 HD universal id", "PID|1||80008836^^^&NPI^MR||DOE", u -> mrn(u), "80008836@NPI"),
        // PID-3: the other repetitions become identifiers with their types
        row(
            "PID-3 other identifiers",
            "PID|1||555^^^HOSP^MR~V9^^^ACME^AN~X1^^^LAB||DOE",
            u -> types(u),
            List.of("MR:555", "AN:V9", "PI:X1")),
        // PID-3: without any MR, the patient is known by its other identifiers
        row(
            "PID-3 no MRN",
            "PID|1||2a14^^^Avante^PI||DOE",
            u -> mrn(u) + types(u),
            "null@null[PI:2a14]"),
        // PID-3: an SS identifier goes to the sealed SSN, not to the identifiers
        row(
            "PID-3 SS identifier",
            "PID|1||555^^^H^MR~444333333^^^SSA^SS||DOE",
            u -> in(u).ssn() + types(u),
            "444333333[MR:555]"),
        // PID-5: family^given^middle^suffix of the first repetition (the legal name)
        row(
            "PID-5 name",
            "PID|1||1^^^^MR||EVERYMAN&&&&Aniston^ADAM^A^III^Dr.~Josh&&&&Bing",
            u ->
                in(u).lastName()
                    + ","
                    + in(u).firstName()
                    + ","
                    + in(u).middleName()
                    + ","
                    + in(u).nameSuffix(),
            "EVERYMAN,ADAM,A,III"),
        // PID-7: date of birth, any precision down to the day, offset ignored
        row(
            "PID-7 date of birth",
            "PID|1||1^^^^MR||DOE||198808181126+0215",
            u -> in(u).dateOfBirth(),
            "1988-08-18"),
        // PID-8: gender through the code map (HL7 table 0001)
        row("PID-8 gender", "PID|1||1^^^^MR||DOE|||F", u -> in(u).gender(), "F"),
        // PID-8: a display text maps too (Cerner code set 57)
        row("PID-8 gender display", "PID|1||1^^^^MR||DOE|||Female", u -> in(u).gender(), "F"),
        // PID-8: an unmapped code leaves the field alone
        row("PID-8 unmapped", "PID|1||1^^^^MR||DOE|||SEX", u -> in(u).gender(), null),
        // PID-10: race CE with its coding system
        row(
            "PID-10 race",
            "PID|1||1^^^^MR||DOE|||||2106-3^White^HL70005",
            u -> in(u).race(),
            "2106-3"),
        // PID-10: an old one-letter code
        row("PID-10 race letter", "PID|1||1^^^^MR||DOE|||||W", u -> in(u).race(), "2106-3"),
        // PID-10: a text Cerner sends where no alias is built
        row("PID-10 race text", "PID|1||1^^^^MR||DOE|||||Caucasian", u -> in(u).race(), "2106-3"),
        // PID-11: home address (XAD-7 H) chosen; SAD subcomponents joined
        row(
            "PID-11 address",
            "PID|1||1^^^^MR||DOE||||||9 Work Rd^^Town^TX^75001^^B~1000&Hospital Lane^Ste. 1^Ann"
                + " Arbor^MI^48103^USA^H",
            u -> in(u).address(),
            new Address("1000 Hospital Lane", "Ste. 1", "Ann Arbor", "MI", "48103", "USA")),
        // PID-11: a ZIP that is not one for a US address is left out
        row(
            "PID-11 bad US ZIP",
            "PID|1||1^^^^MR||DOE||||||1 Main St^^Town^NY^111-1111^USA",
            u -> in(u).address().postalCode(),
            null),
        // PID-11: a foreign postal code is kept
        row(
            "PID-11 foreign postal",
            "PID|1||1^^^^MR||DOE||||||1 Foo St^^Toronto^ON^M6G 3E6^CA",
            u -> in(u).address().postalCode(),
            "M6G 3E6"),
        // PID-13: unformatted XTN-1 normalised to E.164, e-mail from XTN-4
        row(
            "PID-13 unformatted phone and e-mail",
            "PID|1||1^^^^MR||DOE||||||||(407)939-1289^^^mickey@disney.com",
            u -> in(u).phoneHome() + " " + in(u).email(),
            "+14079391289 mickey@disney.com"),
        // PID-13: components country^area^number^extension (XTN-5..8)
        row(
            "PID-13 components",
            "PID|1||1^^^^MR||DOE||||||||^PRN^PH^^1^303^5549936^12",
            u -> in(u).phoneHome() + " x" + in(u).phoneHomeExtension(),
            "+13035549936 x12"),
        // PID-13: a cellular phone (XTN-3 CP) is the mobile number
        row(
            "PID-13 mobile",
            "PID|1||1^^^^MR||DOE||||||||(303)555-1000^PRN^PH~^ORN^CP^^^720^5551234",
            u -> in(u).phoneHome() + " " + in(u).phoneMobile(),
            "+13035551000 +17205551234"),
        // PID-13: a number that does not parse is kept as sent (flagged by the patients feature)
        row(
            "PID-13 unparseable",
            "PID|1||1^^^^MR||DOE||||||||PHONE",
            u -> in(u).phoneHome(),
            "PHONE"),
        // PID-14: the business number is the work phone
        row(
            "PID-14 work phone",
            "PID|1||1^^^^MR||DOE|||||||||(206)752-1210^WPN^PH",
            u -> in(u).phoneWork(),
            "+12067521210"),
        // PID-15: language, a raw Cerner code value through code set 36
        row(
            "PID-15 language CD:",
            "PID|1||1^^^^MR||DOE||||||||||CD:151",
            u -> in(u).preferredLanguage(),
            "en"),
        // PID-15: language display text with spaces
        row(
            "PID-15 language text",
            "PID|1||1^^^^MR||DOE||||||||||E^ ENGLISH",
            u -> in(u).preferredLanguage(),
            "en"),
        // PID-16: marital status, raw Cerner code value
        row(
            "PID-16 marital CD:",
            "PID|1||1^^^^MR||DOE|||||||||||CD:309239",
            u -> in(u).maritalStatus(),
            "S"),
        // PID-19: SSN, dashes dropped
        row(
            "PID-19 SSN",
            "PID|1||1^^^^MR||DOE||||||||||||||123-12-1234",
            u -> in(u).ssn(),
            "123121234"),
        // PID-19: Cerner's all-zero placeholder and malformed values are left out
        row(
            "PID-19 placeholder",
            "PID|1||1^^^^MR||DOE||||||||||||||000-00-0000",
            u -> in(u).ssn(),
            null),
        row(
            "PID-19 malformed",
            "PID|1||1^^^^MR||DOE||||||||||||||99999999",
            u -> in(u).ssn(),
            null),
        // PID-22: ethnic group
        row(
            "PID-22 ethnicity",
            "PID|1||1^^^^MR||DOE|||||||||||||||||N^Not Hispanic^HL70189",
            u -> in(u).ethnicity(),
            "2186-5"),
        // PID-29: date of death
        row(
            "PID-29 deceased",
            "PID|1||1^^^^MR||DOE" + "|".repeat(24) + "20240101",
            u -> in(u).deceasedDate(),
            "2024-01-01"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fields")
  void maps_each_field(
      String field, String pid, Function<PatientUpdate, Object> read, Object expected) {
    Object actual = read.apply(map(pid));
    if (expected == null) {
      assertThat(actual).isNull();
    } else if (expected instanceof String text) {
      assertThat(String.valueOf(actual)).isEqualTo(text);
    } else {
      assertThat(actual).isEqualTo(expected);
    }
  }

  static Stream<Arguments> clears() {
    return Stream.of(
        // "" in a field clears what it maps to
        Arguments.of("PID-7", "PID|1||1^^^^MR||DOE^JOHN^A^JR||\"\"", List.of("dateOfBirth")),
        Arguments.of("PID-8", "PID|1||1^^^^MR||DOE^JOHN^A^JR|||\"\"", List.of("gender")),
        Arguments.of("PID-11", "PID|1||1^^^^MR||DOE^JOHN^A^JR||||||\"\"", List.of("address")),
        Arguments.of(
            "PID-13",
            "PID|1||1^^^^MR||DOE^JOHN^A^JR||||||||\"\"",
            List.of("phoneHome", "phoneMobile", "email")),
        Arguments.of("PID-14", "PID|1||1^^^^MR||DOE^JOHN^A^JR|||||||||\"\"", List.of("phoneWork")),
        Arguments.of("PID-19", "PID|1||1^^^^MR||DOE^JOHN^A^JR||||||||||||||\"\"", List.of("ssn")),
        // a name sent without a middle name and suffix clears them (the name is one field)
        Arguments.of("PID-5", "PID|1||1^^^^MR||DOE^JOHN", List.of("middleName", "nameSuffix")));
  }

  @ParameterizedTest(name = "{0} \"\" clears")
  @MethodSource("clears")
  void an_explicit_null_clears_the_field(String field, String pid, List<String> cleared) {
    assertThat(map(pid).clear()).containsExactlyInAnyOrderElementsOf(cleared);
  }

  @Test
  void an_empty_field_changes_nothing() {
    PatientUpdate u = map("PID|1||1^^^^MR||DOE^JOHN^A^JR||||||||||||||||||||||");
    PatientInput in = u.fields().toInput(true);
    assertThat(u.clear()).isEmpty();
    assertThat(in.dateOfBirth()).isNull();
    assertThat(in.gender()).isNull();
    assertThat(in.address()).isNull();
    assertThat(in.phoneHome()).isNull();
    assertThat(in.coverages()).isNull();
  }

  @Test
  void a_pid_without_identifiers_is_refused() {
    assertThatThrownBy(() -> map("PID|1||^^^NPI^MR||DOE"))
        .isInstanceOfSatisfying(
            ExchangeFailure.class,
            f -> {
              assertThat(f.code()).isEqualTo("HL7-103");
              assertThat(f.text()).isEqualTo("PID-3 has no patient identifier");
            });
  }

  @Test
  void a_date_of_birth_that_is_not_a_date_names_the_field() {
    assertThatThrownBy(() -> map("PID|1||1^^^^MR||DOE||Aug 15, 1942"))
        .isInstanceOfSatisfying(
            ExchangeFailure.class,
            f ->
                assertThat(f.code() + " " + f.text())
                    .isEqualTo("HL7-105 PID-7 is not an HL7 date/time"));
    assertThatThrownBy(() -> map("PID|1||1^^^^MR||DOE||1942"))
        .isInstanceOfSatisfying(
            ExchangeFailure.class, f -> assertThat(f.text()).isEqualTo("PID-7 is not a full date"));
  }

  @Test
  void a_site_can_name_its_own_mrn_type() {
    PidMapper site =
        new PidMapper(
            new Hl7HandlersProperties(null, List.of("MR", "CD:10")),
            new PhoneNumbers(new PhoneProperties("US")));
    PatientUpdate u =
        site.map(
            TestInbound.message(
                    "MSH|^~\\&|||||||ADT^A08|1|P|2.3\nPID|1||9^^^X^PI~42^^^POOL^CD:10||DOE")
                .segment("PID")
                .orElseThrow(),
            TestInbound.codes());
    assertThat(mrn(u)).isEqualTo("42@POOL");
  }

  @Test
  void an_assigning_authority_is_kept_as_the_code_maps_name_it_and_as_sent_when_unmapped() {
    CodeTranslator maps =
        (kind, system, code) ->
            kind == CodeMapKind.ASSIGNING_AUTHORITY
                    && CodeTranslator.AUTHORITY_TABLE.equals(system)
                    && code.equals("SANDBOX MRN")
                ? Optional.of("urn:oid:2.16.840.1.113883.6.1000.7.4")
                : Optional.empty();
    Segment pid =
        TestInbound.message(
                "MSH|^~\\&|||||||ADT^A08|1|P|2.3\nPID|1||42^^^SANDBOX MRN^MRN~7^^^CLINIC^PI||DOE")
            .segment("PID")
            .orElseThrow();

    PatientUpdate read = mapper.map(pid, maps);
    PatientUpdate identity = mapper.identity(pid, maps);

    assertThat(mrn(read)).isEqualTo("42@urn:oid:2.16.840.1.113883.6.1000.7.4");
    assertThat(mrn(identity)).isEqualTo(mrn(read));
    assertThat(read.identifiers())
        .extracting(i -> i.value() + "@" + i.assigningAuthority())
        .containsExactly("42@urn:oid:2.16.840.1.113883.6.1000.7.4", "7@CLINIC");
  }

  private PatientUpdate map(String pid) {
    return mapper.map(
        TestInbound.message("MSH|^~\\&|||||||ADT^A08|1|P|2.3\n" + pid).segment("PID").orElseThrow(),
        TestInbound.codes());
  }

  private static Arguments row(
      String field, String pid, Function<PatientUpdate, Object> read, Object expected) {
    return Arguments.of(field, pid, read, expected);
  }

  private static PatientInput in(PatientUpdate u) {
    return u.fields().toInput(true);
  }

  private static String mrn(PatientUpdate u) {
    return u.mrn() + "@" + u.mrnAuthority();
  }

  private static List<String> types(PatientUpdate u) {
    return u.identifiers().stream().map(i -> i.type() + ":" + i.value()).toList();
  }
}
