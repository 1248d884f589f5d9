package com.practicestudio.journal;

/** The road a unit of exchange travels. */
public enum Channel {
  /** HL7 v2 over MLLP. */
  HL7,
  /** FHIR R4 REST. */
  FHIR,
  /** Millennium web services. */
  MILLENNIUM,
  /** Files over SFTP/FTPS: the file and each record in it. */
  FILE,
  /** CCL runs on the Cerner side. */
  CCL
}
