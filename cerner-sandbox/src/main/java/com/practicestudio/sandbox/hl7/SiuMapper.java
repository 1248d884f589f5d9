package com.practicestudio.sandbox.hl7;

import com.practicestudio.hl7v2.Hl7Message;
import com.practicestudio.sandbox.data.AppointmentRecord;
import com.practicestudio.sandbox.data.ProviderRecord;
import com.practicestudio.sandbox.data.SlotRecord;
import java.time.Duration;
import java.time.ZoneId;

/**
 * SIU S12 (booked), S14 (modified) and S15 (cancelled) for a booked appointment, v2.3: SCH with the
 * appointment id as placer and filler id, the raw appointment type, duration and SCH-11 timing
 * ({@code ^^M<minutes>^<start>^<end>}); PID; PV1; then the resource group RGS, AIS (service), AIG
 * (the provider's schedule), AIL (clinic) and AIP (provider), each with start and duration.
 */
final class SiuMapper {

  /** Millennium cancel reason "Patient Request" (code set 14229), sent raw. */
  static final long CANCEL_REASON = 4_051_221L;

  private final Domain domain;
  private final HeaderMapper header;
  private final PersonMapper person;
  private final VisitMapper visit;

  SiuMapper(Domain domain) {
    this.domain = domain;
    this.header = new HeaderMapper(domain);
    this.person = new PersonMapper(domain);
    this.visit = new VisitMapper(domain);
  }

  Hl7Message appointment(MessageKind kind, AppointmentRecord appointment) {
    ZoneId zone = domain.zone(appointment.locationId());
    MessageWriter message = new MessageWriter();
    header.msh(message, kind, zone);
    sch(message, kind, appointment, zone);
    person.pid(message, domain.patient(appointment.patientId()), null);
    visit.pv1(message, appointment.locationId(), appointment.providerId());
    resources(message, kind, appointment, zone);
    return message.build();
  }

  private void sch(
      MessageWriter message, MessageKind kind, AppointmentRecord appointment, ZoneId zone) {
    long minutes = minutes(appointment);
    MessageWriter.Seg sch =
        message
            .add("SCH")
            .set("1.1", appointment.appointmentId())
            .set("2.1", appointment.appointmentId())
            .set("5.1", scheduleId(appointment))
            .set("7.2", appointment.comment())
            .set("8.1", CernerFormats.raw(appointment.serviceType().millennium()))
            .set("9", minutes)
            .set("10.1", "MIN")
            .set("11.3", "M" + minutes)
            .set("11.4", CernerFormats.time(appointment.start(), zone))
            .set("11.5", CernerFormats.time(appointment.end(), zone));
    if (kind == MessageKind.SIU_S15) {
      sch.set("6.1", CernerFormats.raw(CANCEL_REASON));
    }
    visit.providerOnce(sch, "16", domain.provider(appointment.providerId()));
    sch.set("20.1", "1")
        .set("20.2", "SYSTEM")
        .set("20.3", "SYSTEM")
        .set("25.1", kind == MessageKind.SIU_S15 ? "Cancelled" : "Booked");
  }

  private void resources(
      MessageWriter message, MessageKind kind, AppointmentRecord appointment, ZoneId zone) {
    String action = action(kind);
    String start = CernerFormats.time(appointment.start(), zone);
    String minutes = Long.toString(minutes(appointment));
    ProviderRecord provider = domain.provider(appointment.providerId());
    message.add("RGS").set("1", "1").set("2", action);
    message
        .add("AIS")
        .set("1", "1")
        .set("2", action)
        .set("3.1", CernerFormats.raw(appointment.serviceType().millennium()))
        .set("3.2", appointment.serviceType().display())
        .set("4", start)
        .set("5", "0")
        .set("6.1", "MIN")
        .set("7", minutes)
        .set("8.1", "MIN");
    message
        .add("AIG")
        .set("1", "1")
        .set("2", action)
        .set("3.1", scheduleId(appointment))
        .set("3.2", provider.name().formatted())
        .set("4.1", "Provider Schedule")
        .set("8", start)
        .set("11", minutes)
        .set("12.1", "MIN");
    places(message, action, appointment, provider, start, minutes);
  }

  /** AIL (the clinic) and AIP (the provider). */
  private void places(
      MessageWriter message,
      String action,
      AppointmentRecord appointment,
      ProviderRecord provider,
      String start,
      String minutes) {
    MessageWriter.Seg ail = message.add("AIL").set("1", "1").set("2", action);
    visit.location(ail, "3", appointment.locationId());
    ail.set("4.1", "Clinic").set("6", start).set("9", minutes).set("10.1", "MIN");
    MessageWriter.Seg aip = message.add("AIP").set("1", "1").set("2", action);
    visit.providerOnce(aip, "3", provider);
    aip.set("4.1", "Attending").set("6", start).set("9", minutes).set("10.1", "MIN");
  }

  private String scheduleId(AppointmentRecord appointment) {
    return domain.data().slot(appointment.slotId()).map(SlotRecord::scheduleId).orElse(null);
  }

  private static long minutes(AppointmentRecord appointment) {
    return Duration.between(appointment.start(), appointment.end()).toMinutes();
  }

  /** RGS-2 / AIx-2 segment action code: A add, U update, D delete. */
  private static String action(MessageKind kind) {
    return switch (kind) {
      case SIU_S14 -> "U";
      case SIU_S15 -> "D";
      default -> "A";
    };
  }
}
