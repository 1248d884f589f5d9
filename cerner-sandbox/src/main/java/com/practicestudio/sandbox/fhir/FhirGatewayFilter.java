package com.practicestudio.sandbox.fhir;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import java.util.function.Supplier;
import org.hl7.fhir.r4.model.OperationOutcome;

/**
 * In front of the FHIR server: a wrong tenant answers 403; {@code .well-known/smart-configuration}
 * is served here; every other request must accept {@code application/fhir+json} (406 otherwise;
 * Binary reads may ask for the raw content type instead). The FHIR server then always answers JSON.
 */
public final class FhirGatewayFilter implements Filter {

  static final String FHIR_JSON = "application/fhir+json";
  private static final String SMART_CONFIGURATION = "/.well-known/smart-configuration";

  private final FhirContext fhir;
  private final String tenant;
  private final Supplier<Map<String, Object>> smartConfiguration;
  private final ObjectMapper json = new ObjectMapper();

  public FhirGatewayFilter(
      FhirContext fhir, String tenant, Supplier<Map<String, Object>> smartConfiguration) {
    this.fhir = fhir;
    this.tenant = tenant;
    this.smartConfiguration = smartConfiguration;
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) req;
    HttpServletResponse response = (HttpServletResponse) resp;
    String path = request.getRequestURI().substring(request.getContextPath().length());
    String[] parts = path.split("/", 4);
    String requestTenant = parts.length > 2 ? parts[2] : "";
    String rest = parts.length > 3 ? "/" + parts[3] : "";
    if (!tenant.equals(requestTenant)) {
      Outcomes.write(fhir, response, 403, OperationOutcome.IssueType.FORBIDDEN, "Unknown tenant");
      return;
    }
    if (SMART_CONFIGURATION.equals(rest)) {
      response.setContentType("application/json");
      json.writeValue(response.getOutputStream(), smartConfiguration.get());
      return;
    }
    if (rest.startsWith("/Binary/") && "GET".equals(request.getMethod())) {
      chain.doFilter(request, response);
      return;
    }
    if (!acceptsFhirJson(request.getHeader("Accept"))) {
      Outcomes.write(
          fhir,
          response,
          406,
          OperationOutcome.IssueType.NOTSUPPORTED,
          "The Accept header must be " + FHIR_JSON);
      return;
    }
    chain.doFilter(new JsonOnly(request), response);
  }

  static boolean acceptsFhirJson(String accept) {
    if (accept == null) {
      return false;
    }
    for (String part : accept.split(",")) {
      String type = part.split(";")[0].trim();
      if (FHIR_JSON.equalsIgnoreCase(type) || "application/json+fhir".equalsIgnoreCase(type)) {
        return true;
      }
    }
    return false;
  }

  /** The request as if it asked for FHIR JSON only, so the server never answers XML. */
  private static final class JsonOnly extends HttpServletRequestWrapper {
    JsonOnly(HttpServletRequest request) {
      super(request);
    }

    @Override
    public String getHeader(String name) {
      return "Accept".equalsIgnoreCase(name) ? FHIR_JSON : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
      return "Accept".equalsIgnoreCase(name)
          ? Collections.enumeration(java.util.List.of(FHIR_JSON))
          : super.getHeaders(name);
    }
  }
}
