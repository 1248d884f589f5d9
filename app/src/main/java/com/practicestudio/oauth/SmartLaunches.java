package com.practicestudio.oauth;

import com.nimbusds.jwt.JWTParser;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.practicestudio.cerner.CernerCredentials;
import com.practicestudio.cerner.CernerDomain;
import com.practicestudio.cerner.CernerFeature;
import com.practicestudio.cerner.SmartAppCredentials;
import com.practicestudio.cerner.SmartRegistration;
import com.practicestudio.security.audit.AuditAction;
import com.practicestudio.security.audit.AuditLog;
import com.practicestudio.security.crypto.Crypto;
import jakarta.servlet.http.HttpSession;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.WebUtils;

/**
 * SMART App Launch as a confidential or public client: EHR launch ({@code iss} + {@code launch})
 * and standalone launch, authorization code with PKCE (S256), {@code state} bound to the user's
 * session (single use, expiring) and {@code aud} = the domain's FHIR root.
 */
@Service
class SmartLaunches {

  static final String SESSION_KEY = SmartLaunches.class.getName() + ".pending";

  /** Launches one session may have open at once; the oldest is dropped beyond that. */
  private static final int MAX_PENDING = 10;

  private final CernerCredentials credentials;
  private final SmartRegistration registration;
  private final TokenClient client;
  private final SmartAuthorizationRepository authorizations;
  private final SmartTokens tokens;
  private final Crypto crypto;
  private final AuditLog audit;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final OAuthProperties settings;
  private final TokenMetrics metrics;

  SmartLaunches(
      CernerCredentials credentials,
      SmartRegistration registration,
      TokenClient client,
      SmartAuthorizationRepository authorizations,
      SmartTokens tokens,
      Crypto crypto,
      AuditLog audit,
      TransactionTemplate tx,
      Clock clock,
      OAuthProperties settings,
      TokenMetrics metrics) {
    this.credentials = credentials;
    this.registration = registration;
    this.client = client;
    this.authorizations = authorizations;
    this.tokens = tokens;
    this.crypto = crypto;
    this.audit = audit;
    this.tx = tx;
    this.clock = clock;
    this.settings = settings;
    this.metrics = metrics;
  }

  /**
   * Starts a launch: remembers it in the session and answers where to send the browser (Cerner's
   * authorize endpoint).
   *
   * @param launch the EHR's launch id; null for a standalone launch
   */
  URI begin(CernerDomain domain, String launch, HttpSession session, String username) {
    if (!domain.supports(CernerFeature.SMART_LAUNCH)) {
      throw new OAuthException(
          domain.enabled() ? OAuthError.NOT_CONFIGURED : OAuthError.DOMAIN_DISABLED,
          domain.enabled()
              ? "Millennium " + domain.millenniumVersion().wire() + " has no SMART launch"
              : domain.name());
    }
    SmartAppCredentials app = credentials.smartApp(domain.id());
    if (app.clientId() == null || app.authorizeUrl() == null || app.tokenUrl() == null) {
      throw new OAuthException(
          OAuthError.NOT_CONFIGURED,
          "domain " + domain.name() + " needs a SMART client id and discovered endpoints");
    }
    CodeVerifier verifier = new CodeVerifier();
    State state = new State();
    String redirectUri = registration.redirectUri();
    remember(
        session,
        new PendingLaunch(
            state.getValue(),
            domain.id(),
            username,
            verifier.getValue(),
            redirectUri,
            launch != null,
            clock.instant()));
    AuthorizationRequest.Builder request =
        new AuthorizationRequest.Builder(ResponseType.CODE, new ClientID(app.clientId()))
            .endpointURI(URI.create(app.authorizeUrl()))
            .redirectionURI(URI.create(redirectUri))
            .scope(new Scope(scopes(app.scopes(), launch != null).toArray(String[]::new)))
            .state(state)
            .codeChallenge(verifier, CodeChallengeMethod.S256)
            .customParameter("aud", domain.fhirRoot());
    if (launch != null) {
      request.customParameter("launch", launch);
    }
    return request.build().toURI();
  }

  /**
   * Finishes a launch from Cerner's redirect: checks {@code state} against the session, exchanges
   * the code, keeps the refresh token sealed and the access token cached for the user.
   */
  LaunchOutcome complete(
      String state,
      String code,
      String error,
      String errorDescription,
      HttpSession session,
      String username) {
    PendingLaunch pending = take(session, state, username);
    if (error != null) {
      throw new OAuthException(
          OAuthError.ofOAuthCode(error),
          errorDescription == null ? error : error + ": " + clip(errorDescription));
    }
    if (code == null || code.isBlank()) {
      throw new OAuthException(OAuthError.INVALID_REQUEST, "Cerner's answer has no code");
    }
    SmartAppCredentials app = credentials.smartApp(pending.domainId());
    IssuedTokens issued = exchange(app, pending, code);
    LaunchContext context =
        new LaunchContext(
            issued.parameter("patient"), issued.parameter("encounter"), fhirUser(issued));
    boolean stored = issued.refreshToken() != null;
    tx.executeWithoutResult(status -> keep(app, pending, username, issued, context));
    tokens.remember(app.domainId(), username, issued.access());
    return new LaunchOutcome(app.domainId(), app.domainName(), context, stored);
  }

  private IssuedTokens exchange(SmartAppCredentials app, PendingLaunch pending, String code) {
    try {
      IssuedTokens issued =
          client.authorizationCode(
              app,
              code,
              URI.create(pending.redirectUri()),
              new CodeVerifier(pending.codeVerifier()));
      metrics.granted(app.domainId(), "authorization_code");
      return issued;
    } catch (OAuthException e) {
      metrics.failed(app.domainId(), "authorization_code", e.error());
      throw e;
    }
  }

  /** Stores the refresh token sealed (when one came) and audits the launch. */
  private void keep(
      SmartAppCredentials app,
      PendingLaunch pending,
      String username,
      IssuedTokens issued,
      LaunchContext context) {
    boolean stored = issued.refreshToken() != null;
    if (stored) {
      authorizations.save(
          app.domainId(),
          username,
          crypto.sealText(issued.refreshToken(), SmartAuthorizationRepository.REFRESH_TOKEN),
          String.join(" ", issued.scopes()),
          context,
          clock.instant());
    }
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("launch", pending.ehr() ? "ehr" : "standalone");
    detail.put("patientInContext", context.patientId() != null);
    detail.put("refreshTokenStored", stored);
    audit.record(AuditAction.SMART_LAUNCH, "cerner_domain", app.domainId(), detail);
  }

  private void remember(HttpSession session, PendingLaunch launch) {
    synchronized (WebUtils.getSessionMutex(session)) {
      List<PendingLaunch> open = new ArrayList<>(pending(session));
      open.removeIf(p -> expired(p));
      open.add(launch);
      while (open.size() > MAX_PENDING) {
        open.remove(0);
      }
      session.setAttribute(SESSION_KEY, open);
    }
  }

  private PendingLaunch take(HttpSession session, String state, String username) {
    PendingLaunch found = null;
    synchronized (WebUtils.getSessionMutex(session)) {
      List<PendingLaunch> open = new ArrayList<>(pending(session));
      for (PendingLaunch p : open) {
        if (state != null && p.state().equals(state)) {
          found = p;
        }
      }
      if (found != null) {
        open.remove(found);
        session.setAttribute(SESSION_KEY, open);
      }
    }
    if (found == null) {
      throw new OAuthException(OAuthError.INVALID_STATE, "unknown or already used state");
    }
    if (expired(found)) {
      throw new OAuthException(OAuthError.INVALID_STATE, "the launch took too long");
    }
    if (!found.username().equalsIgnoreCase(username)) {
      throw new OAuthException(OAuthError.INVALID_STATE, "the launch belongs to another user");
    }
    return found;
  }

  private boolean expired(PendingLaunch p) {
    return !clock.instant().isBefore(p.startedAt().plus(settings.launchLifetime()));
  }

  @SuppressWarnings("unchecked")
  private static List<PendingLaunch> pending(HttpSession session) {
    Object value = session.getAttribute(SESSION_KEY);
    return value instanceof List<?> list ? (List<PendingLaunch>) list : List.of();
  }

  /** The app's scopes, with {@code launch} for an EHR launch or {@code launch/patient} without. */
  static List<String> scopes(List<String> configured, boolean ehr) {
    List<String> scopes = new ArrayList<>(configured);
    String needed = ehr ? "launch" : "launch/patient";
    if (!scopes.contains(needed)) {
      scopes.add(0, needed);
    }
    return scopes;
  }

  /**
   * The {@code fhirUser} claim of the id token, when one came. The token came straight from the
   * token endpoint over TLS, which OpenID Connect Core (3.1.3.7) accepts in place of checking its
   * signature; we use the claim for display only.
   */
  private static String fhirUser(IssuedTokens issued) {
    String idToken = issued.parameter("id_token");
    if (idToken == null) {
      return issued.parameter("fhirUser");
    }
    try {
      Object claim = JWTParser.parse(idToken).getJWTClaimsSet().getClaim("fhirUser");
      return claim == null ? null : claim.toString();
    } catch (ParseException e) {
      return null;
    }
  }

  private static String clip(String text) {
    return text.length() <= 200 ? text : text.substring(0, 200) + "…";
  }
}
