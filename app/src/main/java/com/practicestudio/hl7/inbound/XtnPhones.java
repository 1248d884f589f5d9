package com.practicestudio.hl7.inbound;

import com.practicestudio.contact.Emails;
import com.practicestudio.contact.Phone;
import com.practicestudio.contact.PhoneNumbers;
import com.practicestudio.hl7v2.Segment;
import java.util.Locale;
import java.util.Set;

/**
 * Phone numbers and e-mail from XTN fields (PID-13 home, PID-14 business). Each repetition is
 * sorted by its use code (XTN-2: PRN, ORN, WPN, NET…) and equipment type (XTN-3: PH, CP, FX,
 * Internet…): a cellular phone in PID-13 is the mobile number, another phone the home number, any
 * phone in PID-14 the work number; faxes, pagers and TDDs are left out. The number is taken from
 * the components (XTN-5 country, XTN-6 area, XTN-7 local, XTN-8 extension) when sent, else from the
 * unformatted XTN-1, and normalised to E.164; a number that does not parse is kept as sent and
 * flagged by the patients feature. XTN-4 is the e-mail address when it is one.
 */
final class XtnPhones {

  private static final Set<String> NOT_VOICE = Set.of("FX", "BP", "TDD", "TTY", "X.400", "MD");
  private static final Set<String> NOT_PERSONAL = Set.of("WPN", "BPN", "ASN", "EMR", "BEP");

  private final PhoneNumbers phones;

  XtnPhones(PhoneNumbers phones) {
    this.phones = phones;
  }

  /** Sets home, mobile and e-mail from PID-13 (the first of each kind). */
  void personal(Segment pid, int field, PatientFields into) {
    for (int rep = 1; rep <= pid.repetitionCount(field); rep++) {
      email(pid, field, rep, into);
      String use = upper(Fields.text(pid, field, rep, 2, 1));
      String equipment = upper(Fields.text(pid, field, rep, 3, 1));
      if (NOT_VOICE.contains(equipment) || "NET".equals(use) || "INTERNET".equals(equipment)) {
        continue;
      }
      Phone phone = number(pid, field, rep);
      if (phone == null) {
        continue;
      }
      if ("CP".equals(equipment) || "MOBILE".equals(use)) {
        if (into.phoneMobile == null) {
          into.phoneMobile = phone.value();
          into.phoneMobileExtension = phone.extension();
        }
      } else if (!NOT_PERSONAL.contains(use) && into.phoneHome == null) {
        into.phoneHome = phone.value();
        into.phoneHomeExtension = phone.extension();
      }
    }
  }

  /** Sets the work number from PID-14 (its first voice number). */
  void business(Segment pid, int field, PatientFields into) {
    for (int rep = 1; rep <= pid.repetitionCount(field); rep++) {
      String equipment = upper(Fields.text(pid, field, rep, 3, 1));
      if (NOT_VOICE.contains(equipment) || "INTERNET".equals(equipment)) {
        continue;
      }
      Phone phone = number(pid, field, rep);
      if (phone != null) {
        into.phoneWork = phone.value();
        into.phoneWorkExtension = phone.extension();
        return;
      }
    }
  }

  /** One repetition's number, or null when it carries none. */
  Phone number(Segment s, int field, int rep) {
    String area = Fields.text(s, field, rep, 6, 1);
    String local = Fields.text(s, field, rep, 7, 1);
    if (area != null || local != null) {
      return phones.normalise(
          Fields.text(s, field, rep, 5, 1), area, local, Fields.text(s, field, rep, 8, 1));
    }
    Phone phone = phones.normalise(Fields.text(s, field, rep, 1, 1));
    return phone == null ? null : phone.withExtensionIfAbsent(Fields.text(s, field, rep, 8, 1));
  }

  private static void email(Segment s, int field, int rep, PatientFields into) {
    String address = Fields.text(s, field, rep, 4, 1);
    if (into.email == null && Emails.isValid(address)) {
      into.email = address;
    }
  }

  private static String upper(String s) {
    return s == null ? "" : s.toUpperCase(Locale.ROOT);
  }
}
