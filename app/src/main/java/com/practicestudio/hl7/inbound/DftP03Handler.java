package com.practicestudio.hl7.inbound;

import com.practicestudio.hl7v2.Segment;
import com.practicestudio.journal.ApplyContext;
import com.practicestudio.journal.Exchange;
import com.practicestudio.journal.ExchangeHandler;
import com.practicestudio.journal.Handles;
import com.practicestudio.journal.Outcome;
import com.practicestudio.journal.Payload;
import com.practicestudio.patients.Patient;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * DFT P03 (post detail financial transaction): every FT1 charge becomes a charge of the PID patient
 * (created when unknown), linked to the encounter of PID-18 when known; an FT1 that is no charge
 * fails the message (HL7-112). See {@link ChargeRecords} for the fields.
 */
@Component
@Handles("HL7 INBOUND DFT^P03")
class DftP03Handler implements ExchangeHandler {

  private final InboundHandling handling;
  private final PatientRecords patients;
  private final EncounterRecords encounters;
  private final ChargeRecords charges;

  DftP03Handler(
      InboundHandling handling,
      PatientRecords patients,
      EncounterRecords encounters,
      ChargeRecords charges) {
    this.handling = handling;
    this.patients = patients;
    this.encounters = encounters;
    this.charges = charges;
  }

  @Override
  public Outcome apply(Exchange exchange, Payload payload, ApplyContext context) {
    return handling.apply(exchange, payload, context, "DFT", this::post);
  }

  private Outcome post(Inbound in) {
    Segment pid = in.required("PID");
    List<Segment> ft1s = in.message().segments("FT1");
    if (ft1s.isEmpty()) {
      throw Hl7HandlerError.MISSING_SEGMENT.failure("FT1 segment is missing");
    }
    PatientUpdate update = patients.read(in, pid);
    Patient patient = patients.findOrCreate(in, update);
    Long encounterId = encounters.link(in, pid, patient.id()).orElse(null);
    for (Segment ft1 : ft1s) {
      charges.upsert(in, ft1, update, patient.id(), encounterId);
    }
    return Outcome.done();
  }
}
