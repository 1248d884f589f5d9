package com.practicestudio.hl7.outbound;

import com.practicestudio.codemaps.CodeMapKind;
import com.practicestudio.codemaps.CodeMaps;
import com.practicestudio.directory.Location;
import com.practicestudio.directory.Provider;
import com.practicestudio.hl7v2.Hl7Message;
import com.practicestudio.hl7v2.Hl7Timestamps;
import com.practicestudio.hl7v2.MessageBuilder;
import com.practicestudio.patients.Patient;
import com.practicestudio.patients.PatientIdentifier;
import com.practicestudio.scheduling.Appointment;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * Builds SIU S12 (new), S14 (changed) and S15 (cancelled) v2.5.1 messages from an appointment: MSH,
 * SCH, PID, PV1, RGS, AIS, AIP (the provider), AIL (the location). Times carry the location's UTC
 * offset at that moment; appointment type and status go out as Cerner codes through the code maps
 * (code sets 14249 and 14233, falling back to HL7 table 0278 and then to our own value).
 */
final class SiuMapper {

  /** Everything the message is built from; provider and location may be absent. */
  record Source(
      String trigger,
      String controlId,
      OffsetDateTime now,
      Appointment appointment,
      Patient patient,
      Optional<Provider> provider,
      Optional<Location> location) {}

  private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

  private final CodeMaps codes;
  private final String application;
  private final String facility;

  SiuMapper(CodeMaps codes, String application, String facility) {
    this.codes = codes;
    this.application = application;
    this.facility = facility;
  }

  Hl7Message build(Source s) {
    Appointment a = s.appointment();
    String start = Hl7Timestamps.format(a.localStartTime());
    String end = Hl7Timestamps.format(a.localEndTime());
    String minutes = Long.toString(a.durationMinutes());
    String action =
        switch (s.trigger()) {
          case "S12" -> "A";
          case "S15" -> "D";
          default -> "U";
        };
    MessageBuilder m = MessageBuilder.create();
    m.set("MSH-3", application).set("MSH-4", facility);
    m.set("MSH-7", Hl7Timestamps.format(s.now()));
    m.set("MSH-9.1", "SIU").set("MSH-9.2", s.trigger()).set("MSH-9.3", "SIU_S12");
    m.set("MSH-10", s.controlId()).set("MSH-11", "P").set("MSH-12", "2.5.1");
    schedule(m, s, start, end, minutes);
    patient(m, s.patient());
    m.set("PV1-1", "1").set("PV1-2", "O");
    s.location().ifPresent(l -> location(m, "PV1-3", l));
    s.provider().ifPresent(p -> provider(m, "PV1-7", p));
    m.set("RGS-1", "1").set("RGS-2", action);
    m.set("AIS-1", "1").set("AIS-2", action);
    typeCode(m, "AIS-3", a.appointmentType());
    m.set("AIS-4", start).set("AIS-7", minutes).set("AIS-8.1", "MIN");
    s.provider()
        .ifPresent(
            p -> {
              m.set("AIP-1", "1").set("AIP-2", action);
              provider(m, "AIP-3", p);
              m.set("AIP-4.1", "ATT")
                  .set("AIP-6", start)
                  .set("AIP-9", minutes)
                  .set("AIP-10.1", "MIN");
            });
    s.location()
        .ifPresent(
            l -> {
              m.set("AIL-1", "1").set("AIL-2", action);
              location(m, "AIL-3", l);
              m.set("AIL-6", start).set("AIL-9", minutes).set("AIL-10.1", "MIN");
            });
    return m.build();
  }

  private void schedule(MessageBuilder m, Source s, String start, String end, String minutes) {
    Appointment a = s.appointment();
    m.set("SCH-1.1", Long.toString(a.id())).set("SCH-1.2", application);
    if (a.externalId() != null) {
      m.set("SCH-2.1", a.externalId());
    }
    if ("S15".equals(s.trigger()) && a.statusReason() != null) {
      m.set("SCH-6.2", a.statusReason());
    }
    if (a.reason() != null) {
      m.set("SCH-7.2", a.reason());
    }
    typeCode(m, "SCH-8", a.appointmentType());
    m.set("SCH-9", minutes).set("SCH-10.1", "MIN");
    m.set("SCH-11.3", minutes).set("SCH-11.4", start).set("SCH-11.5", end);
    String status = a.status().code();
    String cerner =
        codes
            .toCerner(CodeMapKind.APPOINTMENT_STATUS, "14233", status)
            .or(() -> codes.toCerner(CodeMapKind.APPOINTMENT_STATUS, "HL70278", status))
            .orElse(status);
    m.set("SCH-25.1", cerner);
  }

  private void typeCode(MessageBuilder m, String path, String type) {
    if (type == null) {
      return;
    }
    String code = codes.toCerner(CodeMapKind.APPOINTMENT_TYPE, "14249", type).orElse(type);
    m.set(path + ".1", code).set(path + ".2", type);
  }

  private static void patient(MessageBuilder m, Patient p) {
    m.set("PID-1", "1");
    int rep = 1;
    for (PatientIdentifier id : p.identifiers()) {
      if (!PatientIdentifier.MRN.equals(id.type())) {
        continue;
      }
      m.set("PID-3(" + rep + ").1", id.value());
      if (id.assigningAuthority() != null) {
        m.set("PID-3(" + rep + ").4", id.assigningAuthority());
      }
      m.set("PID-3(" + rep + ").5", "MRN");
      rep++;
    }
    if (rep == 1 && p.mrn() != null) {
      m.set("PID-3(1).1", p.mrn()).set("PID-3(1).5", "MRN");
      rep++;
    }
    if (p.externalId() != null) {
      m.set("PID-3(" + rep + ").1", p.externalId()).set("PID-3(" + rep + ").5", "PI");
    }
    setIfAny(m, "PID-5.1", p.lastName());
    setIfAny(m, "PID-5.2", p.firstName());
    setIfAny(m, "PID-5.3", p.middleName());
    setIfAny(m, "PID-5.4", p.nameSuffix());
    if (p.dateOfBirth() != null) {
      m.set("PID-7", DAY.format(p.dateOfBirth()));
    }
    setIfAny(m, "PID-8", p.gender());
  }

  private void provider(MessageBuilder m, String path, Provider p) {
    String id =
        p.externalId() != null
            ? p.externalId()
            : codes
                .toCerner(CodeMapKind.PROVIDER, null, Long.toString(p.id()))
                .orElse(p.npi() != null ? p.npi() : Long.toString(p.id()));
    m.set(path + ".1", id);
    setIfAny(m, path + ".2", p.lastName());
    setIfAny(m, path + ".3", p.firstName());
  }

  private void location(MessageBuilder m, String path, Location l) {
    String code =
        l.externalId() != null
            ? l.externalId()
            : codes.toCerner(CodeMapKind.LOCATION, "220", Long.toString(l.id())).orElse(l.name());
    m.set(path + ".1", code);
    m.set(path + ".4", facility);
    setIfAny(m, path + ".9", l.name());
  }

  private static void setIfAny(MessageBuilder m, String path, String value) {
    if (value != null && !value.isBlank()) {
      m.set(path, value);
    }
  }
}
