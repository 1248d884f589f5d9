package com.practicestudio.sandbox.fhir;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/** Gives error OperationOutcomes the issue code that fits their HTTP status. */
@Interceptor
public final class OutcomeCodesInterceptor {

  @Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
  public BaseServerResponseException withIssueCode(RequestDetails request, Throwable thrown) {
    BaseServerResponseException exception =
        thrown instanceof BaseServerResponseException known
            ? known
            : new InternalErrorException("The sandbox failed to answer", thrown);
    if (exception.getOperationOutcome() == null) {
      exception.setOperationOutcome(
          Outcomes.outcome(issue(exception.getStatusCode()), exception.getMessage()));
    }
    return exception;
  }

  static IssueType issue(int status) {
    return switch (status) {
      case 400 -> IssueType.INVALID;
      case 401 -> IssueType.LOGIN;
      case 403 -> IssueType.FORBIDDEN;
      case 404 -> IssueType.NOTFOUND;
      case 409, 412 -> IssueType.CONFLICT;
      case 422 -> IssueType.BUSINESSRULE;
      default -> IssueType.EXCEPTION;
    };
  }
}
