package com.practicestudio.patients;

import com.practicestudio.contact.Address;
import com.practicestudio.contact.Emails;
import com.practicestudio.contact.Phone;
import com.practicestudio.contact.PhoneNumbers;
import com.practicestudio.directory.ProviderService;
import com.practicestudio.web.FieldProblem;
import com.practicestudio.web.InvalidRequestException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.LongPredicate;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Checks a patient input as a whole and normalises it: every bad field is named in one answer,
 * values are never echoed (they are PHI). Phones never fail: unparseable ones are kept and flagged.
 */
@Component
class PatientValidator {

  private static final Set<String> GENDERS = Set.of("M", "F", "O", "U");
  private static final Pattern SSN = Pattern.compile("\\d{3}-\\d{2}-\\d{4}|\\d{9}");

  /** The first time zone to reach a new day: a date after its today is in the future everywhere. */
  private static final ZoneId EARLIEST = ZoneId.of("Pacific/Kiritimati");

  private final PhoneNumbers phones;
  private final LongPredicate providerExists;
  private final Clock clock;

  @Autowired
  PatientValidator(PhoneNumbers phones, ProviderService providers, Clock clock) {
    this(phones, providers::exists, clock);
  }

  PatientValidator(PhoneNumbers phones, LongPredicate providerExists, Clock clock) {
    this.phones = phones;
    this.providerExists = providerExists;
    this.clock = clock;
  }

  /**
   * @param currentSsn the stored SSN (nine digits), kept when the input has none
   * @param clearSsn whether a null SSN in the input clears the stored one
   */
  PatientData validate(PatientInput in, String currentSsn, boolean clearSsn) {
    List<FieldProblem> problems = new ArrayList<>();
    String lastName = clean(in.lastName());
    if (lastName == null) {
      problems.add(new FieldProblem("lastName", "is required"));
    }
    LocalDate dob = date("dateOfBirth", in.dateOfBirth(), problems);
    LocalDate deceased = date("deceasedDate", in.deceasedDate(), problems);
    if (dob != null && deceased != null && deceased.isBefore(dob)) {
      problems.add(new FieldProblem("deceasedDate", "must not be before dateOfBirth"));
    }
    String gender = gender(in.gender(), problems);
    String ssn = ssn(in.ssn(), problems);
    Address address = in.address() == null ? null : in.address().trimmed();
    String email = clean(in.email());
    checkContact(address, email, in.primaryProviderId(), problems);
    List<PatientIdentifier> identifiers = identifiers(in, problems);
    List<Coverage> coverages = PatientCoverages.validate(in.coverages(), problems);
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    return new PatientData(
        clean(in.externalId()),
        primaryMrn(in, identifiers),
        identifiers,
        clean(in.firstName()),
        clean(in.middleName()),
        lastName,
        clean(in.nameSuffix()),
        dob,
        gender,
        ssn != null ? ssn : clearSsn ? null : currentSsn,
        address,
        phone(in.phoneHome(), in.phoneHomeExtension()),
        phone(in.phoneMobile(), in.phoneMobileExtension()),
        phone(in.phoneWork(), in.phoneWorkExtension()),
        email,
        clean(in.preferredLanguage()),
        clean(in.race()),
        clean(in.ethnicity()),
        clean(in.maritalStatus()),
        deceased,
        in.primaryProviderId(),
        in.active() == null || in.active(),
        coverages);
  }

  private void checkContact(
      Address address, String email, Long primaryProviderId, List<FieldProblem> problems) {
    if (address != null) {
      address.check("address", problems);
    }
    if (email != null && !Emails.isValid(email)) {
      problems.add(new FieldProblem("email", "is not an e-mail address"));
    }
    if (primaryProviderId != null && !providerExists.test(primaryProviderId)) {
      problems.add(new FieldProblem("primaryProviderId", "names no provider"));
    }
  }

  /** The MRN given, else the first MR identifier's value. */
  private static String primaryMrn(PatientInput in, List<PatientIdentifier> identifiers) {
    String mrn = clean(in.mrn());
    if (mrn != null) {
      return mrn;
    }
    return identifiers.stream()
        .filter(i -> PatientIdentifier.MRN.equals(i.type()))
        .map(PatientIdentifier::value)
        .findFirst()
        .orElse(null);
  }

  /** A {@code YYYY-MM-DD} date that is not in the future; null when absent or bad (reported). */
  LocalDate date(String field, String text, List<FieldProblem> problems) {
    LocalDate date = anyDate(field, text, problems);
    if (date != null && date.isAfter(LocalDate.now(clock.withZone(EARLIEST)))) {
      problems.add(new FieldProblem(field, "must not be in the future"));
      return null;
    }
    return date;
  }

  /** A {@code YYYY-MM-DD} date; null when absent or bad (reported). */
  static LocalDate anyDate(String field, String text, List<FieldProblem> problems) {
    String t = clean(text);
    if (t == null) {
      return null;
    }
    try {
      return isoDigits(t)
          ? LocalDate.of(number(t, 0, 4), number(t, 5, 7), number(t, 8, 10))
          : LocalDate.parse(t);
    } catch (DateTimeException e) {
      problems.add(new FieldProblem(field, "must be a date (YYYY-MM-DD)"));
      return null;
    }
  }

  /**
   * {@code NNNN-NN-NN}, the shape nearly every date has; read without the formatter, which took a
   * fiftieth of a worker's time. Other shapes go to {@link LocalDate#parse}, whose errors stand.
   */
  private static boolean isoDigits(String t) {
    if (t.length() != 10 || t.charAt(4) != '-' || t.charAt(7) != '-') {
      return false;
    }
    for (int i = 0; i < 10; i++) {
      char c = t.charAt(i);
      if (i != 4 && i != 7 && (c < '0' || c > '9')) {
        return false;
      }
    }
    return true;
  }

  private static int number(String t, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      n = n * 10 + (t.charAt(i) - '0');
    }
    return n;
  }

  private static String gender(String text, List<FieldProblem> problems) {
    String g = clean(text);
    if (g == null) {
      return null;
    }
    g = g.toUpperCase(Locale.ROOT);
    if (!GENDERS.contains(g)) {
      problems.add(new FieldProblem("gender", "must be one of M, F, O, U"));
      return null;
    }
    return g;
  }

  private static String ssn(String text, List<FieldProblem> problems) {
    String s = clean(text);
    if (s == null) {
      return null;
    }
    if (!SSN.matcher(s).matches()) {
      problems.add(new FieldProblem("ssn", "must be NNN-NN-NNNN or nine digits"));
      return null;
    }
    return s.replace("-", "");
  }

  /** The input's identifiers, the MRN among them, duplicates dropped, in canonical order. */
  private static List<PatientIdentifier> identifiers(PatientInput in, List<FieldProblem> problems) {
    Map<String, PatientIdentifier> byKey = new LinkedHashMap<>();
    List<PatientIdentifier> given = in.identifiers() == null ? List.of() : in.identifiers();
    for (int i = 0; i < given.size(); i++) {
      PatientIdentifier raw = given.get(i);
      String type = raw == null ? null : clean(raw.type());
      String value = raw == null ? null : clean(raw.value());
      if (type == null) {
        problems.add(new FieldProblem("identifiers[" + i + "].type", "is required"));
      }
      if (value == null) {
        problems.add(new FieldProblem("identifiers[" + i + "].value", "is required"));
      }
      if (type != null && value != null) {
        PatientIdentifier id =
            new PatientIdentifier(
                type, value, clean(raw.assigningAuthority()), clean(raw.system()));
        byKey.putIfAbsent(key(id), id);
      }
    }
    String mrn = clean(in.mrn());
    boolean mrnListed =
        byKey.values().stream()
            .anyMatch(i -> PatientIdentifier.MRN.equals(i.type()) && i.value().equals(mrn));
    if (mrn != null && !mrnListed) {
      PatientIdentifier id = new PatientIdentifier(PatientIdentifier.MRN, mrn, null, null);
      byKey.putIfAbsent(key(id), id);
    }
    return byKey.values().stream().sorted(PatientData.IDENTIFIER_ORDER).toList();
  }

  static String key(PatientIdentifier id) {
    return id.type()
        + "|"
        + (id.assigningAuthority() == null ? "" : id.assigningAuthority())
        + "|"
        + id.value();
  }

  private Phone phone(String text, String extension) {
    Phone p = phones.normalise(text);
    return p == null ? null : p.withExtensionIfAbsent(clean(extension));
  }

  static String clean(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
