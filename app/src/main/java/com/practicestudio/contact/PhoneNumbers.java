package com.practicestudio.contact;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.ValidationResult;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Locale;
import java.util.StringJoiner;
import org.springframework.stereotype.Service;

/**
 * Normalises phone numbers to E.164 with libphonenumber. A number is accepted when it has a
 * possible length for its country (so the reserved 555 numbers of test data pass); anything else is
 * kept exactly as given and flagged, never dropped.
 */
@Service
public class PhoneNumbers {

  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

  /**
   * How many readings are remembered. libphonenumber takes tens of microseconds a number (its
   * regular expressions were two fifths of an ADT update's time), and the same numbers come again
   * and again: a patient's on every message about them, and each once more as the E.164 text that
   * validation reads back.
   */
  static final int REMEMBERED = 65_536;

  private final String defaultRegion;
  private final Cache<Reading, Phone> read = Caffeine.newBuilder().maximumSize(REMEMBERED).build();

  public PhoneNumbers(PhoneProperties settings) {
    String region = settings.defaultRegion().trim().toUpperCase(Locale.ROOT);
    if (!UTIL.getSupportedRegions().contains(region)) {
      throw new IllegalArgumentException(
          "practice-studio.phones.default-region is not a supported region: " + region);
    }
    this.defaultRegion = region;
  }

  public String defaultRegion() {
    return defaultRegion;
  }

  /** Reads one number as a person wrote it; null for null or blank text. */
  public Phone normalise(String text) {
    return normalise(text, defaultRegion);
  }

  /** Reads one number, assuming {@code region} when it has no country code. */
  public Phone normalise(String text, String region) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String given = text.strip();
    return read.get(
        new Reading(given, region == null ? defaultRegion : region), PhoneNumbers::parse);
  }

  /** A number as given and the region assumed when it has no country code. */
  private record Reading(String given, String region) {

    @Override
    public String toString() {
      return "Reading[" + region + "]"; // the number is PHI
    }
  }

  private static Phone parse(Reading reading) {
    String given = reading.given();
    String region = reading.region();
    try {
      PhoneNumber number = UTIL.parse(given, region);
      if (UTIL.isPossibleNumberWithReason(number) != ValidationResult.IS_POSSIBLE) {
        return Phone.unparseable(given);
      }
      String extension = number.hasExtension() ? number.getExtension() : null;
      return Phone.e164(UTIL.format(number, PhoneNumberFormat.E164), extension);
    } catch (NumberParseException e) {
      return Phone.unparseable(given);
    }
  }

  /**
   * Reads a number given in parts, as HL7 v2 XTN components 5–8 carry it (country code, area or
   * city code, local number, extension); null when every part is blank.
   */
  public Phone normalise(
      String countryCode, String areaCode, String localNumber, String extension) {
    String cc = blankToNull(countryCode);
    String area = blankToNull(areaCode);
    String local = blankToNull(localNumber);
    String ext = blankToNull(extension);
    if (cc == null && area == null && local == null) {
      return ext == null ? null : Phone.unparseable("x" + ext);
    }
    StringJoiner joined = new StringJoiner(" ");
    if (cc != null) {
      joined.add(cc.startsWith("+") ? cc : "+" + cc);
    }
    if (area != null) {
      joined.add(area);
    }
    if (local != null) {
      joined.add(local);
    }
    Phone phone = normalise(joined.toString());
    if (ext == null) {
      return phone;
    }
    return phone.valid()
        ? phone.withExtensionIfAbsent(ext)
        : Phone.unparseable(joined + " x" + ext);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
