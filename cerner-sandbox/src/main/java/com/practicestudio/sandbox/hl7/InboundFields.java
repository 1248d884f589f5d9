package com.practicestudio.sandbox.hl7;

import com.practicestudio.hl7v2.Hl7Message;
import com.practicestudio.hl7v2.Hl7ParseException;
import com.practicestudio.hl7v2.Hl7Timestamp;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/** The few fields of a received message the peer reports (see {@link ReceivedMessage}). */
record InboundFields(
    String type,
    String controlId,
    String patientMrn,
    String placerAppointmentId,
    String fillerAppointmentId,
    String startTime) {

  static final InboundFields NONE = new InboundFields("", null, null, null, null, null);

  private static final List<String> START_TIMES = List.of("SCH-11.4", "TQ1-7", "AIS-4");

  static InboundFields of(Hl7Message message, ZoneId zone) {
    String trigger = message.triggerEvent();
    return new InboundFields(
        trigger.isEmpty() ? message.messageType() : message.messageType() + "^" + trigger,
        emptyToNull(message.controlId()),
        mrn(message),
        emptyToNull(message.get("SCH-1.1")),
        emptyToNull(message.get("SCH-2.1")),
        start(message, zone));
  }

  /** The PID-3 repetition typed MRN or MR, else the first one with a value. */
  private static String mrn(Hl7Message message) {
    List<String> ids = message.getAll("PID-3.1");
    List<String> types = message.getAll("PID-3.5");
    for (int i = 0; i < ids.size() && i < types.size(); i++) {
      if (("MRN".equals(types.get(i)) || "MR".equals(types.get(i))) && !ids.get(i).isEmpty()) {
        return ids.get(i);
      }
    }
    return ids.stream().filter(id -> !id.isEmpty()).findFirst().orElse(null);
  }

  private static String start(Hl7Message message, ZoneId zone) {
    for (String path : START_TIMES) {
      String raw = message.get(path);
      if (raw.isEmpty()) {
        continue;
      }
      try {
        Optional<Hl7Timestamp> time = message.timestamp(path);
        if (time.isPresent()) {
          return time.get().toOffsetDateTime(zone).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        }
      } catch (Hl7ParseException e) {
        return raw;
      }
    }
    return null;
  }

  private static String emptyToNull(String value) {
    return value == null || value.isEmpty() ? null : value;
  }
}
