package com.practicestudio.hl7.inbound;

import com.practicestudio.codemaps.CodeMapKind;
import com.practicestudio.contact.Address;
import com.practicestudio.contact.PhoneNumbers;
import com.practicestudio.hl7.inbound.Fields.Cx;
import com.practicestudio.hl7v2.Segment;
import com.practicestudio.hl7v2.ValueState;
import com.practicestudio.patients.PatientIdentifier;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Maps a PID segment onto patient fields, following Cerner's conventions (see the package
 * documentation for the field table). A field sent as {@code ""} is cleared, an empty one is left
 * as it is; a composite field (name, address) that is sent replaces all of what it maps to.
 */
final class PidMapper {

  private static final Pattern SSN = Pattern.compile("\\d{3}-?\\d{2}-?\\d{4}");
  private static final Pattern US_ZIP = Pattern.compile("\\d{5}(-?\\d{4})?");
  private static final Set<String> SSN_TYPES = Set.of("SS", "SSN");

  private final MrnRule mrns;
  private final XtnPhones phones;

  PidMapper(Hl7HandlersProperties settings, PhoneNumbers phones) {
    this.mrns = new MrnRule(settings);
    this.phones = new XtnPhones(phones);
  }

  PatientUpdate map(Segment pid, CodeTranslator codes) {
    PatientFields f = new PatientFields();
    Set<String> clear = new LinkedHashSet<>();
    Cx mrn = identifiers(pid, f, codes);
    name(pid, f, clear);
    if (Fields.valued(pid, 7)) {
      f.dateOfBirth = Fields.date(pid, 7, 1, "PID-7");
    } else if (Fields.isNull(pid, 7)) {
      clear.add("dateOfBirth");
    }
    coded(pid, 8, "HL70001", CodeMapKind.GENDER, codes, clear, "gender", v -> f.gender = v);
    coded(pid, 10, "HL70005", CodeMapKind.RACE, codes, clear, "race", v -> f.race = v);
    coded(
        pid,
        15,
        "HL70296",
        CodeMapKind.LANGUAGE,
        codes,
        clear,
        "preferredLanguage",
        v -> f.preferredLanguage = v);
    coded(
        pid,
        16,
        "HL70002",
        CodeMapKind.MARITAL_STATUS,
        codes,
        clear,
        "maritalStatus",
        v -> f.maritalStatus = v);
    coded(
        pid, 22, "HL70189", CodeMapKind.ETHNICITY, codes, clear, "ethnicity", v -> f.ethnicity = v);
    address(pid, f, clear);
    contact(pid, f, clear);
    ssn(pid, f, clear);
    if (Fields.valued(pid, 29)) {
      f.deceasedDate = Fields.date(pid, 29, 1, "PID-29");
    } else if (Fields.isNull(pid, 29)) {
      clear.add("deceasedDate");
    }
    return new PatientUpdate(
        f,
        Set.copyOf(clear),
        mrn == null ? null : mrn.value(),
        mrn == null ? null : mrn.authority());
  }

  /**
   * What finds the patient, as {@link #map} reads it: PID-3's MRN and identifiers. The rest of PID
   * is not read.
   */
  PatientUpdate identity(Segment pid, CodeTranslator codes) {
    PatientFields f = new PatientFields();
    Cx mrn = identifiers(pid, f, codes);
    return new PatientUpdate(
        f, Set.of(), mrn == null ? null : mrn.value(), mrn == null ? null : mrn.authority());
  }

  /**
   * PID-3: the MRN is the first repetition whose type (CX-5) is an MRN type; else, for Cerner
   * domains that send a raw alias type, the first whose type is empty or a {@code CD:} value and
   * whose assigning authority is an MRN type; else the first repetition without a type. Every
   * repetition becomes an identifier (an untyped one as {@code PI}), except SSNs, which go to the
   * sealed SSN field. Assigning authorities are kept as the code maps name them.
   */
  private Cx identifiers(Segment pid, PatientFields f, CodeTranslator codes) {
    List<Cx> all = new ArrayList<>();
    int mrnRepetition = mrns.repetition(pid, 3).orElse(0);
    Cx mrn = null;
    for (int rep = 1; rep <= pid.repetitionCount(3); rep++) {
      Cx cx = Fields.cx(pid, 3, rep);
      if (cx.value() != null) {
        all.add(cx);
        if (rep == mrnRepetition) {
          mrn = cx;
        }
      }
    }
    Cx keptMrn = null;
    for (Cx cx : all) {
      String type = cx.type() == null ? null : cx.type().toUpperCase(Locale.ROOT);
      if (type != null && SSN_TYPES.contains(type)) {
        if (f.ssn == null && SSN.matcher(cx.value()).matches()) {
          f.ssn = cx.value().replace("-", "");
        }
        continue;
      }
      Cx kept = codes.identifier(cx);
      if (cx == mrn) {
        keptMrn = kept;
      }
      String stored = cx == mrn ? PatientIdentifier.MRN : cx.type() == null ? "PI" : cx.type();
      f.identifiers.add(new PatientIdentifier(stored, kept.value(), kept.authority(), null));
    }
    if (f.identifiers.isEmpty()) {
      throw Hl7HandlerError.NO_PATIENT_IDENTIFIER.failure("PID-3 has no patient identifier");
    }
    f.mrn = mrn == null ? null : mrn.value();
    return keptMrn;
  }

  /** PID-5, first repetition (the legal name by HL7 rule): family^given^middle^suffix. */
  private static void name(Segment pid, PatientFields f, Set<String> clear) {
    if (!Fields.repetitionValued(pid, 5, 1)) {
      return;
    }
    f.lastName = Fields.text(pid, 5, 1, 1, 1);
    f.firstName = Fields.text(pid, 5, 1, 2, 1);
    f.middleName = Fields.text(pid, 5, 1, 3, 1);
    f.nameSuffix = Fields.text(pid, 5, 1, 4, 1);
    if (f.firstName == null) {
      clear.add("firstName");
    }
    if (f.middleName == null) {
      clear.add("middleName");
    }
    if (f.nameSuffix == null) {
      clear.add("nameSuffix");
    }
  }

  private static void coded(
      Segment pid,
      int field,
      String table,
      CodeMapKind kind,
      CodeTranslator codes,
      Set<String> clear,
      String name,
      Consumer<String> set) {
    ValueState state = Fields.state(pid, field);
    if (state == ValueState.NULL) {
      clear.add(name);
    } else if (state == ValueState.VALUED) {
      codes.lookup(kind, table, Fields.coded(pid, field, 1)).ifPresent(set);
    }
  }

  /**
   * PID-11: the home address (XAD-7 {@code H}) or else the first; street (SAD subcomponents
   * joined), other designation, city, state, ZIP, country. A ZIP that is not one for a US address
   * is left out rather than refused.
   */
  private static void address(Segment pid, PatientFields f, Set<String> clear) {
    ValueState state = Fields.state(pid, 11);
    if (state == ValueState.NULL) {
      clear.add("address");
      return;
    }
    if (state != ValueState.VALUED) {
      return;
    }
    int rep = 1;
    for (int r = 1; r <= pid.repetitionCount(11); r++) {
      if ("H".equalsIgnoreCase(Fields.text(pid, 11, r, 7, 1))) {
        rep = r;
        break;
      }
    }
    String postal = Fields.text(pid, 11, rep, 5, 1);
    String country = Fields.text(pid, 11, rep, 6, 1);
    Address probe = new Address(null, null, null, null, null, country);
    if (postal != null && probe.inUnitedStates() && !US_ZIP.matcher(postal).matches()) {
      postal = null;
    }
    Address address =
        new Address(
                Fields.joinedSubcomponents(pid, 11, rep, 1),
                Fields.text(pid, 11, rep, 2, 1),
                Fields.text(pid, 11, rep, 3, 1),
                Fields.text(pid, 11, rep, 4, 1),
                postal,
                country)
            .trimmed();
    if (address != null) {
      f.address = address;
    }
  }

  /** PID-13 (home, mobile, e-mail) and PID-14 (work); {@code ""} clears what the field holds. */
  private void contact(Segment pid, PatientFields f, Set<String> clear) {
    ValueState personal = Fields.state(pid, 13);
    if (personal == ValueState.NULL) {
      clear.addAll(List.of("phoneHome", "phoneMobile", "email"));
    } else if (personal == ValueState.VALUED) {
      phones.personal(pid, 13, f);
    }
    ValueState business = Fields.state(pid, 14);
    if (business == ValueState.NULL) {
      clear.add("phoneWork");
    } else if (business == ValueState.VALUED) {
      phones.business(pid, 14, f);
    }
  }

  /**
   * PID-19 (else an SS identifier in PID-3). A value that is not nine digits is left out, as is
   * Cerner's all-zero placeholder for an unknown SSN.
   */
  private static void ssn(Segment pid, PatientFields f, Set<String> clear) {
    ValueState state = Fields.state(pid, 19);
    if (state == ValueState.NULL) {
      clear.add("ssn");
      f.ssn = null;
      return;
    }
    String given = state == ValueState.VALUED ? Fields.text(pid, 19) : null;
    if (given != null && SSN.matcher(given).matches()) {
      f.ssn = given.replace("-", "");
    }
    if (f.ssn != null && f.ssn.chars().allMatch(c -> c == '0')) {
      f.ssn = null;
    }
  }
}
