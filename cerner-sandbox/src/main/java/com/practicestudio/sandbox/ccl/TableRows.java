package com.practicestudio.sandbox.ccl;

import static com.practicestudio.sandbox.ccl.MillenniumTables.END_OF_TIME;

import com.practicestudio.sandbox.data.Address;
import com.practicestudio.sandbox.data.Alias;
import com.practicestudio.sandbox.data.AppointmentRecord;
import com.practicestudio.sandbox.data.CodeValue;
import com.practicestudio.sandbox.data.Coded;
import com.practicestudio.sandbox.data.EncounterRecord;
import com.practicestudio.sandbox.data.MillenniumCodes;
import com.practicestudio.sandbox.data.PatientRecord;
import com.practicestudio.sandbox.data.Phone;
import com.practicestudio.sandbox.data.SandboxData;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the seeded domain into Millennium rows. Row ids of child tables are derived from their
 * parent's id (e.g. PERSON_ALIAS_ID = PERSON_ID * 10 + n), so they are stable between runs. A
 * person combined away is inactive, and so are its aliases.
 */
final class TableRows {

  private final SandboxData data;
  private final CodeValueRows codes;

  TableRows(SandboxData data, CodeValueRows codes) {
    this.data = data;
    this.codes = codes;
  }

  List<Object[]> rows(String table) {
    return switch (table) {
      case "PERSON" -> each(data.patients(), this::person);
      case "PERSON_ALIAS" -> flat(data.patients(), this::personAliases);
      case "ADDRESS" -> flat(data.patients(), this::addresses);
      case "PHONE" -> flat(data.patients(), this::phones);
      case "ENCOUNTER" -> each(data.encounters(), this::encounter);
      case "ENCNTR_ALIAS" -> each(data.encounters(), this::encounterAlias);
      case "SCH_EVENT" -> each(data.appointments(), this::event);
      case "SCH_APPT" -> flat(data.appointments(), this::appointmentRoles);
      case "CODE_VALUE" -> codes.rows();
      default -> throw new IllegalArgumentException("no table " + table);
    };
  }

  private Object[] person(PatientRecord p) {
    return new Object[] {
      num(p.personId()),
      p.name().family(),
      p.name().given(),
      p.name().middle(),
      DomainCodes.key(p.name().family()),
      DomainCodes.key(p.name().given()),
      p.name().formatted(),
      p.birthDate() == null ? null : p.birthDate().atStartOfDay().toInstant(ZoneOffset.UTC),
      num(MillenniumCodes.sex(p.sex()).value()),
      code(p.race()),
      code(p.ethnicity()),
      code(p.language()),
      code(p.maritalStatus()),
      indicator(p.active()),
      p.lastUpdated(),
      END_OF_TIME,
      p.lastUpdated(),
      num(p.version() - 1L)
    };
  }

  private List<Object[]> personAliases(PatientRecord p) {
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < p.aliases().size(); i++) {
      Alias alias = p.aliases().get(i);
      CodeValue type = alias.type() == Alias.Type.SSN ? MillenniumCodes.SSN : MillenniumCodes.MRN;
      CodeValue pool = alias.type() == Alias.Type.SSN ? DomainCodes.SSN_POOL : DomainCodes.MRN_POOL;
      rows.add(
          new Object[] {
            num(p.personId() * 10 + i + 1),
            num(p.personId()),
            alias.value(),
            num(pool.value()),
            num(type.value()),
            indicator(p.active()),
            p.lastUpdated(),
            END_OF_TIME
          });
    }
    return rows;
  }

  private List<Object[]> addresses(PatientRecord p) {
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < p.addresses().size(); i++) {
      Address a = p.addresses().get(i);
      rows.add(
          new Object[] {
            num(p.personId() * 10 + i + 1),
            "PERSON",
            num(p.personId()),
            num(DomainCodes.addressType(a.use()).value()),
            num(i + 1L),
            a.line1(),
            a.line2(),
            a.city(),
            a.state(),
            a.postalCode(),
            a.country(),
            num(1),
            p.lastUpdated(),
            END_OF_TIME
          });
    }
    return rows;
  }

  private List<Object[]> phones(PatientRecord p) {
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < p.phones().size(); i++) {
      Phone phone = p.phones().get(i);
      rows.add(
          new Object[] {
            num(p.personId() * 10 + i + 1),
            "PERSON",
            num(p.personId()),
            num(DomainCodes.phoneType(phone.use()).value()),
            num(i + 1L),
            phone.nationalDigits(),
            phone.nationalDigits(),
            num(1),
            p.lastUpdated(),
            END_OF_TIME
          });
    }
    return rows;
  }

  private Object[] encounter(EncounterRecord e) {
    Long facility = codes.facilityOf(e.locationId());
    return new Object[] {
      num(e.encounterId()),
      num(e.patientId()),
      code(e.type()),
      num(DomainCodes.encounterClass(e.encounterClass()).value()),
      num(DomainCodes.encounterStatus(e.status()).value()),
      e.start(),
      e.end(),
      facility == null ? null : num(facility),
      num(e.locationId()),
      num(1),
      e.start(),
      END_OF_TIME,
      e.lastUpdated()
    };
  }

  private Object[] encounterAlias(EncounterRecord e) {
    return new Object[] {
      num(e.encounterId() * 10 + 1),
      num(e.encounterId()),
      e.fin(),
      num(DomainCodes.FIN_POOL.value()),
      num(MillenniumCodes.FIN_NBR.value()),
      num(1),
      e.start(),
      END_OF_TIME
    };
  }

  private Object[] event(AppointmentRecord a) {
    CodeValue state = DomainCodes.schedulingState(a.status());
    return new Object[] {
      num(a.appointmentId()),
      code(a.serviceType()),
      num(state.value()),
      state.meaning(),
      a.comment(),
      num(1),
      END_OF_TIME,
      num(a.version() - 1L)
    };
  }

  /** One SCH_APPT row for the patient role and one for the provider resource (primary). */
  private List<Object[]> appointmentRoles(AppointmentRecord a) {
    CodeValue state = DomainCodes.schedulingState(a.status());
    double minutes = Duration.between(a.start(), a.end()).toMinutes();
    Object[] patient = {
      num(a.appointmentId() * 10 + 1),
      num(a.appointmentId()),
      num(a.patientId()),
      num(0),
      num(0),
      "PATIENT",
      num(0),
      a.start(),
      a.end(),
      minutes,
      num(state.value()),
      state.meaning(),
      num(a.locationId()),
      num(1),
      END_OF_TIME
    };
    Object[] resource = {
      num(a.appointmentId() * 10 + 2),
      num(a.appointmentId()),
      num(0),
      num(0),
      num(a.providerId()),
      "RESOURCE",
      num(1),
      a.start(),
      a.end(),
      minutes,
      num(state.value()),
      state.meaning(),
      num(a.locationId()),
      num(1),
      END_OF_TIME
    };
    return List.of(patient, resource);
  }

  private static <T> List<Object[]> each(
      List<T> records, java.util.function.Function<T, Object[]> row) {
    return records.stream().map(row).toList();
  }

  private static <T> List<Object[]> flat(
      List<T> records, java.util.function.Function<T, List<Object[]>> rows) {
    return records.stream().flatMap(r -> rows.apply(r).stream()).toList();
  }

  private static Double code(Coded coded) {
    return coded == null ? num(0) : num(coded.millennium().value());
  }

  private static Double indicator(boolean on) {
    return on ? num(1) : num(0);
  }

  static Double num(long value) {
    return (double) value;
  }
}
