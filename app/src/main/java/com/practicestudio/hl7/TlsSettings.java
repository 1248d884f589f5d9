package com.practicestudio.hl7;

/**
 * TLS 1.2+ for an interface. The key store (PKCS #12 or JKS) holds the listener's key and
 * certificate; its trusted certificate entries are the CAs that client certificates (listener) or
 * the peer's certificate (sender) must chain to. Without trusted entries a sender uses the JVM's
 * default trust store.
 *
 * @param keystorePath the key store file on the server
 * @param keystorePasswordSet whether a key store password is stored (it is never shown)
 * @param clientAuth listener only: {@code none}, {@code optional} or {@code required}
 * @param verifyHostname sender only: the peer's certificate must name the host
 */
public record TlsSettings(
    boolean enabled,
    String keystorePath,
    boolean keystorePasswordSet,
    String clientAuth,
    boolean verifyHostname) {

  public static final TlsSettings OFF = new TlsSettings(false, null, false, "none", true);

  TlsSettings withPasswordSet(boolean set) {
    return new TlsSettings(enabled, keystorePath, set, clientAuth, verifyHostname);
  }
}
