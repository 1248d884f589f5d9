package com.practicestudio.sandbox.fhir;

import com.practicestudio.sandbox.data.CodeValue;
import com.practicestudio.sandbox.data.Coded;
import com.practicestudio.sandbox.data.Concept;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;

/** Turns Millennium code values into FHIR codings in the tenant's proprietary code systems. */
public final class CernerCodes {

  public static final String V2_0203 = "http://terminology.hl7.org/CodeSystem/v2-0203";
  public static final String SCHEDULING_LOCATION =
      "https://fhir-ehr.cerner.com/r4/StructureDefinition/scheduling-location";

  private final String tenant;

  public CernerCodes(String tenant) {
    this.tenant = tenant;
  }

  /** {@code https://fhir.cerner.com/{tenant}/codeSet/{n}} */
  public String codeSet(int codeSet) {
    return "https://fhir.cerner.com/" + tenant + "/codeSet/" + codeSet;
  }

  public Coding coding(CodeValue value) {
    return new Coding(codeSet(value.codeSet()), Long.toString(value.value()), value.display())
        .setUserSelected(true);
  }

  public static Coding coding(Concept concept) {
    return new Coding(concept.system(), concept.code(), concept.display());
  }

  /** The Millennium coding first, then the standard one, with the display as text. */
  public CodeableConcept concept(Coded coded) {
    CodeableConcept concept = new CodeableConcept().addCoding(coding(coded.millennium()));
    if (coded.standard() != null) {
      concept.addCoding(coding(coded.standard()));
    }
    return concept.setText(coded.display());
  }

  /** An identifier type: the Millennium alias type plus its v2-0203 code. */
  public CodeableConcept identifierType(CodeValue aliasType, String v2Code, String v2Display) {
    return new CodeableConcept()
        .addCoding(coding(aliasType))
        .addCoding(new Coding(V2_0203, v2Code, v2Display))
        .setText(aliasType.display());
  }
}
