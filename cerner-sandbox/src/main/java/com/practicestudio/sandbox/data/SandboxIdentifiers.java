package com.practicestudio.sandbox.data;

/** The identifier systems (alias pools) of the sandbox domain. */
public final class SandboxIdentifiers {

  private SandboxIdentifiers() {}

  /** The MRN alias pool. */
  public static final String MRN_SYSTEM = "urn:oid:2.16.840.1.113883.6.1000.7.4";

  /** The FIN (encounter financial number) alias pool. */
  public static final String FIN_SYSTEM = "urn:oid:2.16.840.1.113883.6.1000.7.319";

  public static final String SSN_SYSTEM = "http://hl7.org/fhir/sid/us-ssn";
  public static final String NPI_SYSTEM = "http://hl7.org/fhir/sid/us-npi";
}
