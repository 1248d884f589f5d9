package com.practicestudio.ops.connectivity;

/**
 * The troubleshooting table: common ways a connection to Cerner fails, each with a plain-language
 * hint for the person fixing it.
 */
enum Failure {
  DNS_NXDOMAIN(
      "The host name does not exist in DNS. Check the spelling of the URL, and that this server"
          + " uses a DNS resolver that knows the name (a VPN or split DNS may be needed)."),
  DNS_TIMEOUT(
      "DNS did not answer in time. Check the resolver configured on this server and that it can"
          + " reach the internet (or your internal DNS)."),
  CONNECTION_REFUSED(
      "The host answered but nothing accepts connections on that port. Check the port in the URL"
          + " and that no firewall actively rejects the connection."),
  CONNECT_TIMEOUT(
      "No answer to the connection attempt: a firewall or proxy most likely drops the traffic."
          + " Allow outbound HTTPS (port 443) from this server to the host, or set up the proxy."),
  NETWORK_UNREACHABLE(
      "This server has no route to the host. Check its network, default gateway and proxy"
          + " settings."),
  PLAIN_HTTP(
      "Plain HTTP, no TLS: acceptable for the sandbox only. Production Cerner endpoints must be"
          + " https:// URLs."),
  TLS_PROTOCOL(
      "The server offers no TLS 1.2 or newer, or an intercepting proxy downgrades the connection."
          + " TLS 1.2+ is required."),
  TLS_CERT_EXPIRED(
      "The server's certificate has expired (or is not yet valid). Ask its owner to renew it, and"
          + " check this server's clock; never switch certificate checks off."),
  TLS_HOSTNAME_MISMATCH(
      "The certificate is for another host name. Use the host name Cerner documents for the"
          + " endpoint, not an IP address or an alias."),
  TLS_UNTRUSTED(
      "The certificate chain is not trusted. If a corporate proxy re-signs TLS traffic, add its"
          + " CA certificate to the Java trust store of this server."),
  TLS_HANDSHAKE(
      "The TLS handshake failed. An intercepting proxy, or a server that requires client"
          + " certificates, is the usual cause."),
  WRONG_TENANT(
      "The server refused this FHIR root (403 or 404): the tenant id in the URL is wrong, or the"
          + " path is not /r4/<tenant id>. Copy the FHIR root from Cerner's code Console or from"
          + " the domain's registration."),
  INVALID_CLIENT(
      "The authorization server refused the client credentials (401 invalid_client). Check the"
          + " client id and secret; for private_key_jwt, check that the public key on the domain"
          + " page is registered with Cerner for this client."),
  SCOPE_MISSING(
      "Access denied for lack of a scope (403). Ask Cerner to grant the scope to the system"
          + " account (e.g. system/Patient.read) and list it in the domain's scopes."),
  TOKEN_REFUSED(
      "The FHIR server refused our access token (401). Check this server's clock, and that the"
          + " token endpoint and FHIR root belong to the same Cerner domain."),
  SERVER_ERROR(
      "The server answered with an error (5xx). Cerner's side is failing or under maintenance:"
          + " try again later and check Cerner's status page."),
  READ_TIMEOUT(
      "The server took the connection but did not answer in time. It may be overloaded; raise"
          + " practice-studio.cerner.read-timeout only if answers are merely slow."),
  NOT_CONFIGURED(
      "A setting is missing. Complete the domain's client id, secret or key, and scopes, then"
          + " run discovery."),
  MISSING_CAPABILITIES(
      "The server does not offer everything the domain's scopes ask for. Ask Cerner to enable"
          + " the missing resources or interactions, or drop those scopes (features needing them"
          + " stay off)."),
  TEST_PATIENT_NOT_FOUND(
      "The configured test patient does not exist in this domain. Correct the connectivity test"
          + " patient id, or clear it for a metadata-only read."),
  UNEXPECTED_ANSWER(
      "The server answered, but not as a FHIR server should. Check that the URL is the FHIR"
          + " root (not a web page or a load balancer's error page).");

  private final String hint;

  Failure(String hint) {
    this.hint = hint;
  }

  String hint() {
    return hint;
  }

  /** The failure an HTTP status from a FHIR server means. */
  static Failure ofFhirStatus(int status) {
    if (status == 401) {
      return TOKEN_REFUSED;
    }
    if (status == 403 || status == 404) {
      return WRONG_TENANT;
    }
    return status >= 500 ? SERVER_ERROR : UNEXPECTED_ANSWER;
  }
}
