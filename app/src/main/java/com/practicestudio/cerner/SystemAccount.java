package com.practicestudio.cerner;

import com.nimbusds.jose.jwk.RSAKey;
import java.util.List;

/**
 * What the OAuth client needs to ask a domain's token endpoint for a system-account token. Holds
 * secrets in the clear: pass it on, never log it ({@link #toString} hides them).
 *
 * @param tokenUrl the discovered token endpoint; null when discovery never succeeded
 * @param clientSecret for {@code client_secret_basic}; null when not set
 * @param privateKey for {@code private_key_jwt} (with its key id); null when none was generated
 * @param scopes the domain's configured system scopes
 */
public record SystemAccount(
    long domainId,
    String domainName,
    boolean enabled,
    String tokenUrl,
    String clientId,
    ClientAuthMethod clientAuth,
    String clientSecret,
    RSAKey privateKey,
    List<String> scopes) {

  public SystemAccount {
    scopes = List.copyOf(scopes);
  }

  @Override
  public String toString() {
    return "SystemAccount[domain="
        + domainId
        + ", clientId="
        + clientId
        + ", auth="
        + clientAuth.wire()
        + ", secrets hidden]";
  }
}
