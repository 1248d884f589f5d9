package com.practicestudio.hl7.inbound;

import com.practicestudio.clinical.EncounterService;
import com.practicestudio.hl7.inbound.Fields.Cx;
import com.practicestudio.hl7v2.Hl7Message;
import com.practicestudio.hl7v2.Segment;
import com.practicestudio.journal.ReadAhead;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Reads ahead for a group of ADT registrations and updates (A01, A04, A08, A31) applied in one
 * transaction: each message is parsed once for its handler, and the patients their PID-3
 * identifiers name (locked, with identifiers and coverages) and the encounters of their FINs are
 * read in a few statements for the whole group instead of about eight per message.
 */
@Component
class AdtReadAhead implements ReadAhead {

  private final InboundHandling handling;
  private final PatientRecords patients;
  private final EncounterService encounters;

  AdtReadAhead(InboundHandling handling, PatientRecords patients, EncounterService encounters) {
    this.handling = handling;
    this.patients = patients;
    this.encounters = encounters;
  }

  @Override
  public void readAhead(List<Row> rows) {
    List<PatientRecords.Pid> pids = new ArrayList<>(rows.size());
    List<EncounterService.Fin> fins = new ArrayList<>(rows.size());
    for (Row row : rows) {
      Optional<Segment> pid = pid(row);
      if (pid.isEmpty()) {
        continue;
      }
      CodeTranslator codes = handling.codes(row.exchange());
      pids.add(new PatientRecords.Pid(pid.get(), codes));
      Cx fin = EncounterRecords.fin(pid.get(), codes);
      if (fin != null) {
        fins.add(EncounterService.Fin.of(fin.authority(), fin.value()));
      }
    }
    patients.readAhead(pids);
    encounters.readAhead(fins);
  }

  /** The row's PID, when its message reads. */
  private Optional<Segment> pid(Row row) {
    try {
      Hl7Message message = handling.readAhead(row.exchange(), row.payload());
      return message.segment("PID");
    } catch (RuntimeException unreadable) {
      return Optional.empty(); // its handler reads it again and answers for it
    }
  }
}
