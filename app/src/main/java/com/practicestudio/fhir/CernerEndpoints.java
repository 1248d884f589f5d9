package com.practicestudio.fhir;

import java.util.List;
import java.util.Optional;

/**
 * The Cerner domains the FHIR feature may talk to. The seam over the domain settings (the Cerner
 * settings feature is the real one).
 */
public interface CernerEndpoints {

  /** An enabled domain; empty when unknown or switched off. */
  Optional<FhirEndpoint> find(long domainId);

  /** Every enabled domain, in id order. */
  List<FhirEndpoint> all();

  /**
   * The domain a patient's records go to: the only enabled domain, or the first one when there are
   * several (Practice Studio links a patient to one Cerner domain).
   */
  default Optional<FhirEndpoint> primary() {
    List<FhirEndpoint> all = all();
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
  }
}
