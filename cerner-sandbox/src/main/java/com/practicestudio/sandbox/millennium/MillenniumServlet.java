package com.practicestudio.sandbox.millennium;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import com.practicestudio.sandbox.SandboxUrls;
import com.practicestudio.sandbox.auth.AccessToken;
import com.practicestudio.sandbox.auth.InvalidTokenException;
import com.practicestudio.sandbox.auth.SmartScope;
import com.practicestudio.sandbox.auth.TokenService;
import com.practicestudio.sandbox.data.AppointmentRecord;
import com.practicestudio.sandbox.data.SandboxData;
import com.practicestudio.sandbox.fhir.Booking;
import com.practicestudio.sandbox.fhir.CernerCodes;
import com.practicestudio.sandbox.fhir.Outcomes;
import com.practicestudio.sandbox.fhir.SchedulingMapper;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Parameters;

/**
 * The Millennium web services: {@code POST /patient/v1/Patient/search} (a FHIR Parameters body with
 * family/given, answered with a searchset Bundle) and {@code POST
 * /scheduling/v1/slots/{slot_id}/book} (an Appointment body, booked like a FHIR create). Same
 * tokens, scopes and OperationOutcome errors as the FHIR server.
 */
public final class MillenniumServlet extends HttpServlet {

  private static final Pattern BOOK = Pattern.compile("^/scheduling/v1/slots/([^/]+)/book$");

  private final FhirContext fhir;
  private final TokenService tokens;
  private final SandboxUrls urls;
  private final PersonSearch personSearch;
  private final Booking booking;
  private final SchedulingMapper scheduling;

  public MillenniumServlet(
      FhirContext fhir, SandboxData data, SandboxUrls urls, TokenService tokens) {
    this.fhir = fhir;
    this.tokens = tokens;
    this.urls = urls;
    CernerCodes codes = new CernerCodes(urls.tenant());
    this.personSearch = new PersonSearch(data, codes);
    this.booking = new Booking(data);
    this.scheduling = new SchedulingMapper(codes);
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    Matcher book = BOOK.matcher(path);
    try {
      if (!acceptable(request.getHeader("Accept"))) {
        Outcomes.write(
            fhir,
            response,
            406,
            IssueType.NOTSUPPORTED,
            "The Accept header must be application/fhir+json or application/json");
      } else if ("/patient/v1/Patient/search".equals(path)) {
        authorize(request, "Patient", SmartScope.Permission.S);
        Parameters body = parse(request, Parameters.class);
        write(response, 200, personSearch.search(body, urls.fhirRoot()));
      } else if (book.matches()) {
        authorize(request, "Appointment", SmartScope.Permission.C);
        AppointmentRecord booked = booking.book(parse(request, Appointment.class), book.group(1));
        response.setHeader("Location", urls.fhirRoot() + "/Appointment/" + booked.appointmentId());
        response.setHeader("ETag", "W/\"" + booked.version() + "\"");
        write(response, 201, scheduling.toFhir(booked));
      } else {
        Outcomes.write(fhir, response, 404, IssueType.NOTFOUND, "No such service");
      }
    } catch (BaseServerResponseException e) {
      e.getResponseHeaders()
          .forEach((name, values) -> values.forEach(v -> response.addHeader(name, v)));
      Outcomes.write(fhir, response, e.getStatusCode(), issue(e.getStatusCode()), e.getMessage());
    }
  }

  private void authorize(
      HttpServletRequest request, String type, SmartScope.Permission permission) {
    String header = request.getHeader("Authorization");
    String realm = "Bearer realm=\"" + urls.millenniumBase() + "\"";
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw unauthorized("An OAuth 2 bearer token is required", realm);
    }
    AccessToken token;
    try {
      token = tokens.validate(header.substring(7).trim());
    } catch (InvalidTokenException e) {
      throw unauthorized(e.getMessage(), realm + ", error=\"invalid_token\"");
    }
    if (token.scopes().contextFor(type, permission).isEmpty()) {
      throw new ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException(
          "The access token has no scope for this service");
    }
  }

  private static BaseServerResponseException unauthorized(String message, String challenge) {
    var exception = new ca.uhn.fhir.rest.server.exceptions.AuthenticationException(message);
    exception.addResponseHeader("WWW-Authenticate", challenge);
    return exception;
  }

  private <T extends IBaseResource> T parse(HttpServletRequest request, Class<T> type)
      throws IOException {
    try {
      return fhir.newJsonParser().parseResource(type, request.getInputStream());
    } catch (DataFormatException e) {
      throw new ca.uhn.fhir.rest.server.exceptions.InvalidRequestException(
          "The body is not a FHIR " + type.getSimpleName() + " in JSON");
    }
  }

  private void write(HttpServletResponse response, int status, IBaseResource resource)
      throws IOException {
    response.setStatus(status);
    response.setContentType("application/fhir+json;charset=UTF-8");
    response.getWriter().write(fhir.newJsonParser().encodeResourceToString(resource));
  }

  private static boolean acceptable(String accept) {
    return accept != null
        && (accept.contains("application/fhir+json") || accept.contains("application/json"));
  }

  private static IssueType issue(int status) {
    return switch (status) {
      case 401, 403 -> IssueType.SECURITY;
      case 404 -> IssueType.NOTFOUND;
      case 409 -> IssueType.CONFLICT;
      case 422 -> IssueType.BUSINESSRULE;
      default -> IssueType.INVALID;
    };
  }
}
