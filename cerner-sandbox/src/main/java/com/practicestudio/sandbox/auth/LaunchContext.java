package com.practicestudio.sandbox.auth;

/** The patient (and optionally encounter) a SMART launch is about; either may be null. */
public record LaunchContext(String patientId, String encounterId) {

  public static final LaunchContext NONE = new LaunchContext(null, null);
}
