package com.practicestudio.mllp;

import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * TLS for a listener. Only TLS 1.2 and 1.3 are enabled, whatever the context allows.
 *
 * @param context built by the caller from its key store (and trust store, for client certificates)
 * @param clientAuth whether peers must present a certificate the context trusts
 */
public record ListenerTls(SSLContext context, ClientAuth clientAuth) {

  /** Client certificate policy. */
  public enum ClientAuth {
    /** No client certificate asked for. */
    NONE,
    /** Asked for; a peer without one is still accepted, one with an untrusted one is not. */
    OPTIONAL,
    /** A trusted client certificate is required. */
    REQUIRED
  }

  public ListenerTls {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(clientAuth, "clientAuth");
  }
}
