package com.practicestudio.sandbox.ccl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.practicestudio.sandbox.SandboxUrls;
import com.practicestudio.sandbox.auth.AccessToken;
import com.practicestudio.sandbox.auth.InvalidTokenException;
import com.practicestudio.sandbox.auth.ScopeSet;
import com.practicestudio.sandbox.auth.TokenService;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/**
 * The CCL service over HTTP: {@code POST /ccl/v1/run} with a JSON request ({@code {"script":
 * "ps_patient_by_mrn", "parameters": {"$mrn": "10002000"}}} or {@code {"text": "SELECT ... GO",
 * "parameters": {...}}}) answers 200 with the CCL reply, whose {@code status_data.status} says S, Z
 * or F; {@code GET /ccl/v1/scripts} lists the named scripts. Needs a bearer token of the sandbox's
 * authorization server with the {@code system/ccl.run} scope: 401 without a valid one, 403 without
 * the scope; a body that is not a JSON request answers 400. Error bodies are F replies.
 */
public final class CclServlet extends HttpServlet {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final transient CclService ccl;
  private final transient TokenService tokens;
  private final transient SandboxUrls urls;

  public CclServlet(CclService ccl, TokenService tokens, SandboxUrls urls) {
    this.ccl = ccl;
    this.tokens = tokens;
    this.urls = urls;
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (!"/ccl/v1/run".equals(path(request))) {
      refuse(response, 404, CclException.Kind.SCRIPT, "no such CCL service");
    } else if (authorized(request, response)) {
      CclRequest ccl;
      try {
        ccl = CclRequests.fromJson(JSON.readTree(request.getInputStream()));
      } catch (JsonProcessingException | IllegalArgumentException e) {
        String why =
            e instanceof IllegalArgumentException ? e.getMessage() : "the body is not JSON";
        refuse(response, 400, CclException.Kind.SCRIPT, why);
        return;
      }
      write(response, 200, this.ccl.run(ccl).toJson());
    }
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (!"/ccl/v1/scripts".equals(path(request))) {
      refuse(response, 404, CclException.Kind.SCRIPT, "no such CCL service");
    } else if (authorized(request, response)) {
      write(response, 200, Map.of("scripts", ccl.scripts()));
    }
  }

  private boolean authorized(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String header = request.getHeader("Authorization");
    String realm = "Bearer realm=\"" + urls.root() + "/ccl\"";
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      response.setHeader("WWW-Authenticate", realm);
      refuse(response, 401, CclException.Kind.SCRIPT, "an OAuth 2 bearer token is required");
      return false;
    }
    AccessToken token;
    try {
      token = tokens.validate(header.substring(7).trim());
    } catch (InvalidTokenException e) {
      response.setHeader("WWW-Authenticate", realm + ", error=\"invalid_token\"");
      refuse(response, 401, CclException.Kind.SCRIPT, e.getMessage());
      return false;
    }
    if (!token.scopes().has(ScopeSet.CCL_RUN)) {
      response.setHeader("WWW-Authenticate", realm + ", error=\"insufficient_scope\"");
      refuse(response, 403, CclException.Kind.SCRIPT, "the token lacks scope " + ScopeSet.CCL_RUN);
      return false;
    }
    return true;
  }

  private static void refuse(
      HttpServletResponse response, int status, CclException.Kind kind, String why)
      throws IOException {
    write(response, status, CclReply.failure("CCL", new CclException(kind, null, why)).toJson());
  }

  private static void write(HttpServletResponse response, int status, Object body)
      throws IOException {
    response.setStatus(status);
    response.setContentType("application/json;charset=UTF-8");
    response.getWriter().write(JSON.writeValueAsString(body));
  }

  private static String path(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }
}
