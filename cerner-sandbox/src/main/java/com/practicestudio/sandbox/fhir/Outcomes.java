package com.practicestudio.sandbox.fhir;

import ca.uhn.fhir.context.FhirContext;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.hl7.fhir.r4.model.OperationOutcome;

/** Writes OperationOutcome error answers outside HAPI's request handling. */
public final class Outcomes {

  private Outcomes() {}

  public static OperationOutcome outcome(OperationOutcome.IssueType type, String diagnostics) {
    OperationOutcome outcome = new OperationOutcome();
    outcome
        .addIssue()
        .setSeverity(OperationOutcome.IssueSeverity.ERROR)
        .setCode(type)
        .setDiagnostics(diagnostics);
    return outcome;
  }

  public static void write(
      FhirContext fhir,
      HttpServletResponse response,
      int status,
      OperationOutcome.IssueType type,
      String diagnostics)
      throws IOException {
    response.setStatus(status);
    response.setContentType("application/fhir+json;charset=UTF-8");
    response
        .getWriter()
        .write(fhir.newJsonParser().encodeResourceToString(outcome(type, diagnostics)));
  }
}
