package com.practicestudio.codemaps;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One spelling per code system, so that maps match however a channel names the system: a Cerner
 * code set ({@code https://fhir.cerner.com/<tenant>/codeSet/57}, {@code codeSet/57}, {@code 57} →
 * {@code 57}), an HL7 v2 table ({@code HL70001}, {@code 0001}, {@code v2-0001}, {@code
 * http://terminology.hl7.org/CodeSystem/v2-0001}, {@code urn:oid:2.16.840.1.113883.12.1} → {@code
 * HL70001}), anything else as given.
 */
public final class CodeSystems {

  private static final Pattern CERNER =
      Pattern.compile(".*codeset/(\\d+)/?", Pattern.CASE_INSENSITIVE);
  private static final Pattern CODE_SET = Pattern.compile("[1-9]\\d*");
  private static final Pattern HL7_TABLE =
      Pattern.compile(
          "(?:hl7|v2-|https?://terminology\\.hl7\\.org/CodeSystem/v2-)?(\\d{4})",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern HL7_OID =
      Pattern.compile("(?:urn:oid:)?2\\.16\\.840\\.1\\.113883\\.12\\.(\\d{1,4})");

  /**
   * Spellings already worked out. A channel names the same few systems in every message, and
   * matching four patterns per code lookup showed in the workers' profile.
   */
  private static final LoadingCache<String, String> KNOWN =
      Caffeine.newBuilder().maximumSize(4_096).build(CodeSystems::canonical);

  private CodeSystems() {}

  /** The canonical spelling; null for null or blank. */
  public static String normalise(String system) {
    if (system == null || system.isBlank()) {
      return null;
    }
    return KNOWN.get(system);
  }

  private static String canonical(String system) {
    String s = system.strip();
    Matcher m = CERNER.matcher(s);
    if (m.matches()) {
      return m.group(1);
    }
    if (CODE_SET.matcher(s).matches()) {
      return s;
    }
    m = HL7_TABLE.matcher(s);
    if (m.matches()) {
      return "HL7" + m.group(1);
    }
    m = HL7_OID.matcher(s);
    if (m.matches()) {
      return "HL7" + String.format(Locale.ROOT, "%04d", Integer.parseInt(m.group(1)));
    }
    return s;
  }
}
