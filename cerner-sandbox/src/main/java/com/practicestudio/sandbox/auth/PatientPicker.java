package com.practicestudio.sandbox.auth;

import com.practicestudio.sandbox.data.PatientRecord;
import com.practicestudio.sandbox.data.SandboxData;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * The standalone-launch patient picker: a plain HTML page with a name filter and a form that posts
 * the chosen patient (ids {@code patient}, {@code choose}; filter {@code q}).
 */
final class PatientPicker {

  private static final int SHOWN = 25;

  private final SandboxData data;

  PatientPicker(SandboxData data) {
    this.data = data;
  }

  boolean exists(String patientId) {
    try {
      return data.patient(Long.parseLong(patientId)).isPresent();
    } catch (NumberFormatException e) {
      return false;
    }
  }

  void show(HttpServletResponse response, String requestId, String filter, String action)
      throws IOException {
    String wanted = filter == null ? "" : filter.trim().toLowerCase(Locale.ROOT);
    List<PatientRecord> shown =
        data.patients().stream()
            .filter(PatientRecord::active)
            .filter(p -> p.name().family().toLowerCase(Locale.ROOT).startsWith(wanted))
            .limit(SHOWN)
            .toList();
    StringBuilder options = new StringBuilder();
    for (PatientRecord patient : shown) {
      options
          .append("<option value=\"")
          .append(patient.personId())
          .append("\">")
          .append(escape(patient.name().formatted()))
          .append(" (")
          .append(patient.birthDate())
          .append(")</option>");
    }
    response.setContentType("text/html;charset=UTF-8");
    response
        .getWriter()
        .write(
            "<!DOCTYPE html><html><head><title>Select a patient</title></head><body>"
                + "<h1>Select a patient</h1>"
                + "<form id=\"choose-form\" method=\"post\" action=\""
                + escape(action)
                + "\"><input type=\"hidden\" name=\"request\" value=\""
                + escape(requestId)
                + "\"><label for=\"patient\">Patient</label> <select id=\"patient\" name=\"patient\">"
                + options
                + "</select> <button id=\"choose\" type=\"submit\">Continue</button></form>"
                + "</body></html>");
  }

  static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
