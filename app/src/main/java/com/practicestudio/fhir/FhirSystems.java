package com.practicestudio.fhir;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The code systems, identifier systems and extension URLs Cerner's R4 resources use. */
public final class FhirSystems {

  public static final String V2_0203 = "http://terminology.hl7.org/CodeSystem/v2-0203";
  public static final String LOINC = "http://loinc.org";
  public static final String UCUM = "http://unitsofmeasure.org";
  public static final String OBSERVATION_CATEGORY =
      "http://terminology.hl7.org/CodeSystem/observation-category";
  public static final String INTERPRETATION =
      "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation";
  public static final String ADMINISTRATIVE_GENDER = "http://hl7.org/fhir/administrative-gender";
  public static final String APPOINTMENT_STATUS = "http://hl7.org/fhir/appointmentstatus";
  public static final String MARITAL_STATUS =
      "http://terminology.hl7.org/CodeSystem/v3-MaritalStatus";
  public static final String NULL_FLAVOR = "http://terminology.hl7.org/CodeSystem/v3-NullFlavor";
  public static final String CDC_RACE_ETHNICITY = "urn:oid:2.16.840.1.113883.6.238";
  public static final String BCP47 = "urn:ietf:bcp:47";

  /** URIs as codes: the code system of identifier systems in the assigning-authority maps. */
  public static final String URI = "urn:ietf:rfc:3986";

  public static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
  public static final String PARTICIPATION_TYPE =
      "http://terminology.hl7.org/CodeSystem/v3-ParticipationType";
  public static final String NPI = "http://hl7.org/fhir/sid/us-npi";
  public static final String SSN = "http://hl7.org/fhir/sid/us-ssn";
  public static final String DOCUMENT_CATEGORY =
      "http://hl7.org/fhir/us/core/CodeSystem/us-core-documentreference-category";
  public static final String US_CORE_RACE =
      "http://hl7.org/fhir/us/core/StructureDefinition/us-core-race";
  public static final String US_CORE_ETHNICITY =
      "http://hl7.org/fhir/us/core/StructureDefinition/us-core-ethnicity";
  public static final String SCHEDULING_LOCATION =
      "https://fhir-ehr.cerner.com/r4/StructureDefinition/scheduling-location";

  /** Cerner code set 14249: appointment types, the service types of slots. */
  public static final int APPOINTMENT_TYPE_CODE_SET = 14249;

  private static final Pattern CERNER_CODE_SET =
      Pattern.compile("https?://fhir\\.cerner\\.com/[^/]+/codeSet/(\\d+)/?");

  private FhirSystems() {}

  /** The code set number of a Cerner proprietary system, empty for any other system. */
  public static Optional<Integer> cernerCodeSet(String system) {
    if (system == null) {
      return Optional.empty();
    }
    Matcher m = CERNER_CODE_SET.matcher(system);
    return m.matches() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
  }

  /** Whether the system is one of Cerner's proprietary code sets. */
  public static boolean isCerner(String system) {
    return cernerCodeSet(system).isPresent();
  }

  /** {@code https://fhir.cerner.com/{tenant}/codeSet/{n}} */
  public static String cernerCodeSet(String tenant, int codeSet) {
    return "https://fhir.cerner.com/" + tenant + "/codeSet/" + codeSet;
  }
}
