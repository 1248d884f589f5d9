package com.practicestudio.hl7;

/** The journal's {@code sender} of an inbound HL7 message: {@code MSH-3.1^MSH-4.1}. */
final class Senders {

  static final String UNKNOWN = "unknown";

  private Senders() {}

  static String of(String application, String facility) {
    String app = application == null ? "" : application.strip();
    String fac = facility == null ? "" : facility.strip();
    if (app.isEmpty() && fac.isEmpty()) {
      return UNKNOWN;
    }
    return fac.isEmpty() ? app : app + "^" + fac;
  }
}
