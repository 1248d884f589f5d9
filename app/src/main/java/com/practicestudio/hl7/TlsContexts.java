package com.practicestudio.hl7;

import java.io.File;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Collections;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Builds an interface's {@link SSLContext} from its key store (type detected from the file: PKCS
 * #12 or JKS). The key entries are our identity; trusted certificate entries, if any, are what
 * peers' certificates must chain to (without any, a sender trusts the JVM's default CAs).
 */
final class TlsContexts {

  private TlsContexts() {}

  static SSLContext load(String path, char[] password) throws TlsSetupException {
    try {
      KeyStore store = KeyStore.getInstance(new File(path), password);
      KeyManagerFactory keys =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(store, password);
      TrustManagerFactory trust = null;
      if (hasTrustedCertificates(store)) {
        trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
      }
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys.getKeyManagers(), trust == null ? null : trust.getTrustManagers(), null);
      return context;
    } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
      // the class only: messages can name the file, never the password, but keep it short
      throw new TlsSetupException(e.getClass().getSimpleName());
    }
  }

  private static boolean hasTrustedCertificates(KeyStore store) throws GeneralSecurityException {
    for (String alias : Collections.list(store.aliases())) {
      if (store.isCertificateEntry(alias)) {
        return true;
      }
    }
    return false;
  }

  /** The key store could not be read or used. */
  static final class TlsSetupException extends Exception {
    private static final long serialVersionUID = 1L;

    TlsSetupException(String reason) {
      super(reason);
    }
  }
}
