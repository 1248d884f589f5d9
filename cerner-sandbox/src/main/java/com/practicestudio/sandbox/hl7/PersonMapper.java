package com.practicestudio.sandbox.hl7;

import com.practicestudio.sandbox.data.Address;
import com.practicestudio.sandbox.data.Alias;
import com.practicestudio.sandbox.data.EncounterRecord;
import com.practicestudio.sandbox.data.MillenniumCodes;
import com.practicestudio.sandbox.data.PatientRecord;
import com.practicestudio.sandbox.data.PersonName;
import com.practicestudio.sandbox.data.Phone;
import java.util.List;
import java.util.Locale;

/**
 * PERSON → PID (and MRG) as a Millennium ESO interface writes them: the MRN in PID-3 with the MRN
 * pool's alias as assigning authority and {@code MRN} as identifier type; the FIN in PID-18 with
 * the FIN pool and the raw FIN NBR type {@code CD:1077}; raw {@code CD:} values where no outbound
 * alias is built (name type, race, language, ethnicity); and {@code ""} for what Millennium holds
 * no value for (business phone, SSN, county, death date), so that a receiver clears stale values.
 */
final class PersonMapper {

  /** Code set 213 "Current" name type, sent raw. */
  static final long CURRENT_NAME = 766;

  private final Domain domain;

  PersonMapper(Domain domain) {
    this.domain = domain;
  }

  /** PID for a person, with the encounter's FIN when there is one (else PID-18 stays empty). */
  void pid(MessageWriter message, PatientRecord patient, EncounterRecord encounter) {
    MessageWriter.Seg pid = message.add("PID").set("1", "1");
    mrn(pid, "3", patient.mrn());
    name(pid, "5", patient.name());
    pid.set("7", CernerFormats.date(patient.birthDate()))
        .set("8", sex(patient))
        .set("10", CernerFormats.raw(patient.race().millennium()));
    addresses(pid, patient.addresses());
    phones(pid, patient);
    pid.nullify("14")
        .set("15", CernerFormats.raw(patient.language().millennium()))
        .set("16", patient.maritalStatus().standard().code());
    if (encounter != null) {
      pid.set("18.1", encounter.fin())
          .set("18.4", domain.profile().finAuthority())
          .set("18.5", CernerFormats.raw(MillenniumCodes.FIN_NBR));
    }
    pid.setOrNull("19", patient.alias(Alias.Type.SSN))
        .set("22", CernerFormats.raw(patient.ethnicity().millennium()))
        .nullify("29")
        .set("30", "N");
  }

  /** MRG for a combine: the MRN and name of the record merged away. */
  void mrg(MessageWriter message, PatientRecord merged) {
    MessageWriter.Seg mrg = message.add("MRG");
    mrn(mrg, "1", merged.mrn());
    name(mrg, "7", merged.name());
  }

  private void mrn(MessageWriter.Seg seg, String field, String mrn) {
    seg.set(field + ".1", mrn)
        .set(field + ".4", domain.profile().mrnAuthority())
        .set(field + ".5", "MRN");
  }

  private static void name(MessageWriter.Seg seg, String field, PersonName name) {
    seg.set(field + ".1", name.family())
        .set(field + ".2", name.given())
        .set(field + ".3", name.middle())
        .set(field + ".4", name.suffix())
        .set(field + ".7", CernerFormats.raw(CURRENT_NAME));
  }

  private static String sex(PatientRecord patient) {
    return switch (patient.sex()) {
      case MALE -> "M";
      case FEMALE -> "F";
      case UNKNOWN -> "U";
    };
  }

  private static void addresses(MessageWriter.Seg pid, List<Address> addresses) {
    for (int i = 0; i < addresses.size(); i++) {
      Address address = addresses.get(i);
      String field = "11(" + (i + 1) + ")";
      pid.set(field + ".1", address.line1())
          .set(field + ".2", address.line2())
          .set(field + ".3", address.city())
          .set(field + ".4", address.state())
          .set(field + ".5", address.postalCode())
          .set(field + ".6", address.country())
          .set(field + ".7", addressType(address.use()))
          .nullify(field + ".9");
    }
  }

  private static String addressType(String use) {
    if ("work".equals(use)) {
      return "Business";
    }
    return use.substring(0, 1).toUpperCase(Locale.ROOT) + use.substring(1);
  }

  /** PID-13: home and mobile numbers, then e-mail addresses. */
  private static void phones(MessageWriter.Seg pid, PatientRecord patient) {
    int repetition = 0;
    for (Phone phone : patient.phones()) {
      if (phone.use() == Phone.Use.WORK) {
        continue;
      }
      String field = "13(" + ++repetition + ")";
      pid.set(field + ".1", CernerFormats.phone(phone))
          .set(field + ".2", phone.use() == Phone.Use.HOME ? "Home" : "Mobile")
          .nullify(field + ".3");
    }
    for (String email : patient.emails()) {
      String field = "13(" + ++repetition + ")";
      pid.set(field + ".2", "NET").set(field + ".3", "Internet").set(field + ".4", email);
    }
    if (repetition == 0) {
      pid.nullify("13");
    }
  }
}
