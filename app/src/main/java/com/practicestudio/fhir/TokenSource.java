package com.practicestudio.fhir;

import java.util.Set;

/**
 * Access tokens for a Cerner domain's system account, cached until shortly before they expire. The
 * seam the FHIR and Millennium clients use; the OAuth feature's token cache is the real one.
 */
public interface TokenSource {

  /** A valid access token for these scopes (from the cache, or freshly granted). */
  String token(long domainId, Set<String> scopes);

  /** Drops {@code token} from the cache after Cerner refused it (401); a newer one stays. */
  void invalidate(long domainId, Set<String> scopes, String token);
}
