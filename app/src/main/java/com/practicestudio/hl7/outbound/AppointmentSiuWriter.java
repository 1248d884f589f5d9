package com.practicestudio.hl7.outbound;

import com.practicestudio.directory.LocationService;
import com.practicestudio.directory.ProviderService;
import com.practicestudio.hl7.ControlIds;
import com.practicestudio.hl7.Hl7Interface;
import com.practicestudio.hl7.InterfaceRegistry;
import com.practicestudio.hl7v2.Hl7Message;
import com.practicestudio.journal.Applying;
import com.practicestudio.journal.Channel;
import com.practicestudio.journal.ExchangeJournal;
import com.practicestudio.journal.OutboundMessage;
import com.practicestudio.journal.Payload;
import com.practicestudio.patients.Patient;
import com.practicestudio.patients.PatientService;
import com.practicestudio.scheduling.Appointment;
import com.practicestudio.scheduling.AppointmentChanged;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.context.event.EventListener;

/**
 * Writes an outbound SIU for every appointment booked (S12), changed (S14) or cancelled (S15), in
 * the same transaction as the change (a plain {@code @EventListener}: the row commits or rolls back
 * with the appointment), one row per enabled sender interface that carries {@code SIU}. No such
 * sender, no rows. The correlation key is the patient, so a patient's messages leave in order.
 * Changes made while an inbound row is applied came from Cerner and are not sent back.
 */
final class AppointmentSiuWriter {

  static final String MESSAGE_TYPE = "SIU";

  private final InterfaceRegistry registry;
  private final ExchangeJournal journal;
  private final ControlIds controlIds;
  private final SiuMapper mapper;
  private final PatientService patients;
  private final ProviderService providers;
  private final LocationService locations;
  private final Clock clock;
  private final String sendingApplication;

  AppointmentSiuWriter(
      InterfaceRegistry registry,
      ExchangeJournal journal,
      ControlIds controlIds,
      SiuMapper mapper,
      PatientService patients,
      ProviderService providers,
      LocationService locations,
      Clock clock,
      String sendingApplication) {
    this.registry = registry;
    this.journal = journal;
    this.controlIds = controlIds;
    this.mapper = mapper;
    this.patients = patients;
    this.providers = providers;
    this.locations = locations;
    this.clock = clock;
    this.sendingApplication = sendingApplication;
  }

  @EventListener
  public void on(AppointmentChanged event) {
    if (Applying.inbound().isPresent()) {
      return; // the change came from Cerner (an SIU or a FHIR sync): do not echo it back
    }
    List<Hl7Interface> senders = registry.config().sendersFor(MESSAGE_TYPE);
    if (senders.isEmpty()) {
      return;
    }
    Appointment a = event.after();
    String trigger =
        switch (event.kind()) {
          case CREATED -> "S12";
          case UPDATED -> "S14";
          case CANCELLED -> "S15";
        };
    Patient patient =
        patients
            .find(a.patientId())
            .orElseThrow(() -> new IllegalStateException("appointment without its patient"));
    var provider =
        a.providerId() == null
            ? Optional.<com.practicestudio.directory.Provider>empty()
            : providers.find(a.providerId());
    var location =
        a.locationId() == null
            ? Optional.<com.practicestudio.directory.Location>empty()
            : locations.find(a.locationId());
    for (Hl7Interface sender : senders) {
      String controlId = controlIds.next();
      Hl7Message siu =
          mapper.build(
              new SiuMapper.Source(
                  trigger, controlId, OffsetDateTime.now(clock), a, patient, provider, location));
      journal.recordOutbound(
          new OutboundMessage(
              Channel.HL7,
              MESSAGE_TYPE + "^" + trigger,
              sendingApplication,
              controlId,
              "patient:" + a.patientId(),
              sender.name(),
              null,
              new Payload(siu.toBytes(), "application/hl7-v2")));
    }
  }
}
