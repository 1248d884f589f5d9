package com.practicestudio.cerner;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.practicestudio.security.crypto.Crypto;
import com.practicestudio.web.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import org.springframework.stereotype.Component;

/**
 * Opens a domain's sealed secrets for the OAuth client (system account) and the SMART launch (app
 * registration). Nothing else should call it; the API never returns what it answers.
 */
@Component
public class CernerCredentials {

  private final CernerDomainRepository domains;
  private final Crypto crypto;

  CernerCredentials(CernerDomainRepository domains, Crypto crypto) {
    this.domains = domains;
    this.crypto = crypto;
  }

  /**
   * The system account of a domain.
   *
   * @throws NotFoundException when there is no such domain
   */
  public SystemAccount systemAccount(long domainId) {
    CernerDomain domain =
        domains.find(domainId).orElseThrow(() -> new NotFoundException("Cerner domain", domainId));
    CernerDomainRepository.Sealed sealed = domains.sealed(domainId).orElseThrow();
    return new SystemAccount(
        domain.id(),
        domain.name(),
        domain.enabled(),
        domain.discovery().tokenUrl(),
        domain.clientId(),
        domain.clientAuth(),
        crypto.openText(sealed.clientSecret(), CernerConfig.CLIENT_SECRET),
        privateKey(sealed.privateKey()),
        domain.scopes());
  }

  /**
   * The SMART app registration of a domain.
   *
   * @throws NotFoundException when there is no such domain
   */
  public SmartAppCredentials smartApp(long domainId) {
    CernerDomain domain =
        domains.find(domainId).orElseThrow(() -> new NotFoundException("Cerner domain", domainId));
    CernerDomainRepository.Sealed sealed = domains.sealed(domainId).orElseThrow();
    return new SmartAppCredentials(
        domain.id(),
        domain.name(),
        domain.enabled(),
        domain.fhirRoot(),
        domain.discovery().authorizeUrl(),
        domain.discovery().tokenUrl(),
        domain.discovery().revokeUrl(),
        domain.smartClientId(),
        crypto.openText(sealed.smartClientSecret(), CernerConfig.SMART_CLIENT_SECRET),
        domain.smartScopes());
  }

  private RSAKey privateKey(byte[] sealed) {
    if (sealed == null) {
      return null;
    }
    byte[] json = crypto.open(sealed, CernerConfig.PRIVATE_KEY);
    try {
      return JWK.parse(new String(json, StandardCharsets.UTF_8)).toRSAKey();
    } catch (ParseException e) {
      // no cause: its message could quote the key
      throw new IllegalStateException("the stored private key of a domain cannot be read");
    }
  }
}
