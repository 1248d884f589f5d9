package com.practicestudio.mllp;

import java.net.InetSocketAddress;
import java.security.Principal;
import java.util.Optional;

/**
 * Who is on the other end of a listener connection.
 *
 * @param id unique per listener, increasing; use it to correlate log lines
 * @param remote the peer's address
 * @param local the listener's address
 * @param tlsProtocol the negotiated protocol (e.g. {@code TLSv1.3}), or null on a plain connection
 * @param clientPrincipal the subject of the client certificate, or null when none was presented
 */
public record ConnectionInfo(
    long id,
    InetSocketAddress remote,
    InetSocketAddress local,
    String tlsProtocol,
    Principal clientPrincipal) {

  public boolean tls() {
    return tlsProtocol != null;
  }

  public Optional<Principal> client() {
    return Optional.ofNullable(clientPrincipal);
  }

  @Override
  public String toString() {
    return "connection "
        + id
        + " from "
        + remote.getAddress().getHostAddress()
        + ":"
        + remote.getPort();
  }
}
