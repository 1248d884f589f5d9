package com.practicestudio.fhir;

import ca.uhn.fhir.context.FhirContext;
import com.practicestudio.journal.Channel;
import com.practicestudio.journal.ExchangeJournal;
import com.practicestudio.journal.InboundMessage;
import com.practicestudio.journal.Payload;
import com.practicestudio.journal.Recorded;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Component;

/**
 * Records resources read from Cerner as inbound journal rows ({@code FHIR INBOUND <type>}), one per
 * resource version: the message id is {@code Type/id/_history/version@lastUpdated}, so reading an
 * unchanged resource again is a duplicate and is not applied twice.
 */
@Component
class CernerInbound {

  private final ExchangeJournal journal;
  private final FhirContext fhir = FhirContext.forR4Cached();

  CernerInbound(ExchangeJournal journal) {
    this.journal = journal;
  }

  /**
   * @param patientKey the correlation key (the patient's Cerner id), so one patient's rows apply in
   *     order
   */
  Recorded record(FhirEndpoint domain, Resource resource, String patientKey) {
    String id = resource.fhirType() + "/" + resource.getIdElement().getIdPart();
    String version =
        (resource.getMeta().hasVersionId() ? resource.getMeta().getVersionId() : "0")
            + "@"
            + (resource.getMeta().hasLastUpdated()
                ? resource.getMeta().getLastUpdated().toInstant().toString()
                : "-");
    InboundMessage message =
        new InboundMessage(
            Channel.FHIR,
            resource.fhirType(),
            "cerner-domain/" + domain.domainId(),
            id + "/_history/" + version,
            patientKey == null ? null : "cerner-patient/" + patientKey,
            "cerner-domain/" + domain.domainId(),
            null,
            Payload.text(
                fhir.newJsonParser().encodeResourceToString(resource), FhirExchanges.FHIR_JSON));
    return journal.recordInbound(message);
  }
}
