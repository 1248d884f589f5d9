package com.practicestudio.ops.connectivity;

import static org.assertj.core.api.Assertions.assertThat;

import com.practicestudio.oauth.OAuthError;
import com.practicestudio.oauth.OAuthException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/** The troubleshooting table: each common failure gets its row and hint. */
class ConnectivityHintsTest {

  @Test
  void network_failures_map_to_their_rows() {
    assertThat(row(new UnknownHostException("x"))).isEqualTo(Failure.DNS_NXDOMAIN);
    assertThat(row(new ConnectException("Connection refused")))
        .isEqualTo(Failure.CONNECTION_REFUSED);
    assertThat(row(new SocketTimeoutException("Connect timed out")))
        .isEqualTo(Failure.CONNECT_TIMEOUT);
    assertThat(row(new SocketTimeoutException("Read timed out"))).isEqualTo(Failure.READ_TIMEOUT);
    assertThat(row(new HttpConnectTimeoutException("x"))).isEqualTo(Failure.CONNECT_TIMEOUT);
    assertThat(row(new HttpTimeoutException("x"))).isEqualTo(Failure.READ_TIMEOUT);
    assertThat(row(new NoRouteToHostException("x"))).isEqualTo(Failure.NETWORK_UNREACHABLE);
  }

  @Test
  void tls_failures_map_to_their_rows() {
    assertThat(row(handshake(new CertificateExpiredException("NotAfter: ..."))))
        .isEqualTo(Failure.TLS_CERT_EXPIRED);
    assertThat(
            row(
                handshake(
                    new CertificateException("No subject alternative DNS name matching x found."))))
        .isEqualTo(Failure.TLS_HOSTNAME_MISMATCH);
    assertThat(
            row(
                handshake(
                    new CertificateException(
                        "PKIX path building failed: unable to find valid certification path"))))
        .isEqualTo(Failure.TLS_UNTRUSTED);
    assertThat(
            row(
                new SSLHandshakeException(
                    "No appropriate protocol (protocol is disabled or cipher suites are inappropriate)")))
        .isEqualTo(Failure.TLS_PROTOCOL);
    assertThat(row(new SSLHandshakeException("Received fatal alert: handshake_failure")))
        .isEqualTo(Failure.TLS_HANDSHAKE);
  }

  @Test
  void http_statuses_map_to_their_rows() {
    assertThat(Failure.ofFhirStatus(401)).isEqualTo(Failure.TOKEN_REFUSED);
    assertThat(Failure.ofFhirStatus(403)).isEqualTo(Failure.WRONG_TENANT);
    assertThat(Failure.ofFhirStatus(404)).isEqualTo(Failure.WRONG_TENANT);
    assertThat(Failure.ofFhirStatus(503)).isEqualTo(Failure.SERVER_ERROR);
    assertThat(Failure.ofFhirStatus(302)).isEqualTo(Failure.UNEXPECTED_ANSWER);
  }

  @Test
  void token_errors_map_to_their_rows() {
    Map<OAuthException, Failure> cases =
        Map.of(
            new OAuthException(OAuthError.INVALID_CLIENT, "HTTP 401"), Failure.INVALID_CLIENT,
            new OAuthException(OAuthError.INVALID_SCOPE, "HTTP 400"), Failure.SCOPE_MISSING,
            new OAuthException(OAuthError.TOKEN_ENDPOINT_UNAVAILABLE, "HTTP 503"),
                Failure.SERVER_ERROR,
            new OAuthException(OAuthError.TOKEN_ENDPOINT_TIMEOUT, "connecting to x timed out"),
                Failure.CONNECT_TIMEOUT,
            new OAuthException(OAuthError.TOKEN_ENDPOINT_TIMEOUT, "reading the answer timed out"),
                Failure.READ_TIMEOUT,
            new OAuthException(OAuthError.TOKEN_ENDPOINT_UNREACHABLE, "cannot resolve host x"),
                Failure.DNS_NXDOMAIN,
            new OAuthException(OAuthError.TOKEN_ENDPOINT_UNREACHABLE, "connection refused by x"),
                Failure.CONNECTION_REFUSED,
            new OAuthException(OAuthError.NOT_CONFIGURED, "no secret"), Failure.NOT_CONFIGURED);
    assertThat(
            ConnectivityTest.failureOf(
                new OAuthException(
                    OAuthError.INVALID_GRANT,
                    "HTTP 400, error invalid_grant (Cerner: the tenant id in the token URL is wrong)")))
        .isEqualTo(Failure.WRONG_TENANT);
    cases.forEach(
        (e, row) -> assertThat(ConnectivityTest.failureOf(e)).as(e.getMessage()).isEqualTo(row));
  }

  @Test
  void every_row_has_a_hint() {
    assertThat(Failure.values()).allMatch(f -> f.hint().length() > 40);
  }

  @Test
  void the_needs_of_scopes_are_interactions_per_resource() {
    assertThat(
            FhirProbe.needs(
                List.of(
                    "system/Patient.read",
                    "system/Observation.write",
                    "system/Slot.rs",
                    "system/Appointment.c")))
        .isEqualTo(
            Map.of(
                "Patient", Set.of("read", "search-type"),
                "Observation", Set.of("write"),
                "Slot", Set.of("read", "search-type"),
                "Appointment", Set.of("create")));
  }

  private static Failure row(IOException e) {
    return NetworkProbe.classify(e, "fhir.example.org:443").failure();
  }

  private static SSLHandshakeException handshake(Exception cause) {
    SSLHandshakeException e = new SSLHandshakeException("handshake failed");
    e.initCause(cause);
    return e;
  }
}
