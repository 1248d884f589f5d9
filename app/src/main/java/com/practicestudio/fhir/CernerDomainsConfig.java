package com.practicestudio.fhir;

import com.practicestudio.cerner.CernerDomain;
import com.practicestudio.cerner.CernerDomains;
import com.practicestudio.cerner.CernerFeature;
import com.practicestudio.oauth.AccessTokens;
import com.practicestudio.oauth.OAuthError;
import com.practicestudio.oauth.OAuthException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The FHIR feature's seams on the Cerner settings: {@link CernerEndpoints} over the configured
 * domains (enabled, offering FHIR reads) and {@link TokenSource} over the OAuth token cache.
 */
@Configuration(proxyBeanMethods = false)
class CernerDomainsConfig {

  @Bean
  CernerEndpoints cernerEndpoints(CernerDomains domains) {
    return new CernerEndpoints() {
      @Override
      public Optional<FhirEndpoint> find(long domainId) {
        return domains
            .find(domainId)
            .filter(CernerDomainsConfig::usable)
            .map(CernerDomainsConfig::endpoint);
      }

      @Override
      public List<FhirEndpoint> all() {
        return domains.list().stream()
            .filter(CernerDomainsConfig::usable)
            .sorted(Comparator.comparingLong(CernerDomain::id))
            .map(CernerDomainsConfig::endpoint)
            .toList();
      }
    };
  }

  @Bean
  TokenSource cernerTokenSource(AccessTokens tokens) {
    return new TokenSource() {
      @Override
      public String token(long domainId, Set<String> scopes) {
        try {
          return tokens.get(domainId, scopes).value();
        } catch (OAuthException e) {
          throw new CernerFhirException(
              isTransient(e.error()) ? FhirError.UNAVAILABLE : FhirError.UNAUTHORIZED,
              0,
              "token",
              e.getMessage(),
              null,
              null,
              e);
        }
      }

      @Override
      public void invalidate(long domainId, Set<String> scopes, String token) {
        tokens.invalidate(domainId, scopes, token);
      }
    };
  }

  /** The token endpoint could not answer now: the call may be tried again later. */
  static boolean isTransient(OAuthError error) {
    return error == OAuthError.TOKEN_ENDPOINT_UNAVAILABLE
        || error == OAuthError.TOKEN_ENDPOINT_TIMEOUT
        || error == OAuthError.TOKEN_ENDPOINT_UNREACHABLE;
  }

  static boolean usable(CernerDomain domain) {
    return domain.enabled() && domain.supports(CernerFeature.FHIR_READ);
  }

  static FhirEndpoint endpoint(CernerDomain d) {
    return new FhirEndpoint(
        d.id(),
        d.name(),
        d.fhirRoot(),
        Set.copyOf(d.scopes()),
        d.timeZone(),
        d.name(),
        d.millenniumBaseUrl(),
        d.supports(CernerFeature.MILLENNIUM_PERSON_SEARCH),
        d.supports(CernerFeature.MILLENNIUM_SLOT_BOOKING));
  }
}
