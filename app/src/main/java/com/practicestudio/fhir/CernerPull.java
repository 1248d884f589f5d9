package com.practicestudio.fhir;

import com.practicestudio.patients.Patient;
import com.practicestudio.patients.PatientService;
import com.practicestudio.web.InvalidRequestException;
import com.practicestudio.web.NotFoundException;
import java.util.Optional;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Observation;
import org.springframework.stereotype.Service;

/**
 * Pulls a linked patient's results (Observations) and documents (DocumentReferences with their
 * Binary content) from Cerner into the journal; the inbound handlers apply them.
 */
@Service
public class CernerPull {

  private final CernerGateway gateway;
  private final PatientService patients;
  private final CernerInbound inbound;

  CernerPull(CernerGateway gateway, PatientService patients, CernerInbound inbound) {
    this.gateway = gateway;
    this.patients = patients;
    this.inbound = inbound;
  }

  public SyncReport pull(long patientId) {
    Patient patient =
        patients.find(patientId).orElseThrow(() -> new NotFoundException("patient", patientId));
    if (patient.externalId() == null) {
      throw new InvalidRequestException("patientId", "the patient is not linked to Cerner");
    }
    FhirEndpoint domain =
        gateway
            .primary()
            .orElseThrow(
                () -> new InvalidRequestException("patientId", "no Cerner domain is configured"));
    CernerFhirClient client = gateway.client(domain.domainId());
    String cernerId = patient.externalId();
    SyncReport report = SyncReport.empty();
    for (Observation o : client.observations(cernerId, null, null, null)) {
      report = report.plus(inbound.record(domain, o, cernerId).duplicate());
    }
    for (DocumentReference d : client.documents(cernerId, null, null, null)) {
      withContent(client, d);
      report = report.plus(inbound.record(domain, d, cernerId).duplicate());
    }
    return report;
  }

  /** Puts the Binary the attachment points at into the attachment, so the row holds it all. */
  static void withContent(CernerFhirClient client, DocumentReference reference) {
    Attachment attachment = reference.getContentFirstRep().getAttachment();
    if (attachment.hasData()) {
      return;
    }
    Optional<String> binaryId = DocumentMapper.binaryId(reference);
    if (binaryId.isPresent()) {
      Binary binary = client.readBinary(binaryId.get());
      attachment.setData(binary.getData());
      attachment.setContentType(binary.getContentType());
    }
  }
}
