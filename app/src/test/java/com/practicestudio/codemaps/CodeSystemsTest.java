package com.practicestudio.codemaps;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CodeSystemsTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "https://fhir.cerner.com/ec2458f2-1e24-41c8-b71b-0e701af7583d/codeSet/57, 57",
    "https://fhir.cerner.com/ec2458f2-1e24-41c8-b71b-0e701af7583d/codeSet/14249/, 14249",
    "codeSet/38, 38",
    "CODESET/38, 38",
    "57, 57",
    "' 282 ', 282",
    "HL70001, HL70001",
    "hl70002, HL70002",
    "0005, HL70005",
    "v2-0189, HL70189",
    "http://terminology.hl7.org/CodeSystem/v2-0296, HL70296",
    "urn:oid:2.16.840.1.113883.12.1, HL70001",
    "2.16.840.1.113883.12.278, HL70278",
    "http://hl7.org/fhir/administrative-gender, http://hl7.org/fhir/administrative-gender",
    "urn:ietf:bcp:47, urn:ietf:bcp:47",
  })
  void every_spelling_of_a_code_system_becomes_one(String given, String canonical) {
    assertThat(CodeSystems.normalise(given)).isEqualTo(canonical);
  }

  @org.junit.jupiter.api.Test
  void blank_is_no_system() {
    assertThat(CodeSystems.normalise(null)).isNull();
    assertThat(CodeSystems.normalise("  ")).isNull();
  }
}
