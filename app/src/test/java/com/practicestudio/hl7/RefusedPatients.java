package com.practicestudio.hl7;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Makes applying fail, as a database constraint added by mistake would, for patients whose MRN
 * starts with {@link #PREFIX}, while the test holds it open. Closing it is the operator's fix; a
 * reprocess then applies the message.
 */
final class RefusedPatients extends RefusingTrigger {

  static final String PREFIX = "NOAPPLY";

  RefusedPatients(JdbcClient jdbc) {
    super(jdbc, "test_refused_patient", "patient", "mrn", PREFIX);
  }
}
