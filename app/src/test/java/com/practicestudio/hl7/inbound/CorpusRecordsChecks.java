package com.practicestudio.hl7.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import com.practicestudio.billing.Charge;
import com.practicestudio.billing.ChargeQuery;
import com.practicestudio.billing.ChargeService;
import com.practicestudio.clinical.ClinicalDocument;
import com.practicestudio.clinical.DocumentQuery;
import com.practicestudio.clinical.DocumentService;
import com.practicestudio.clinical.Encounter;
import com.practicestudio.clinical.EncounterService;
import com.practicestudio.clinical.Observation;
import com.practicestudio.clinical.ObservationQuery;
import com.practicestudio.clinical.ObservationService;
import com.practicestudio.directory.LocationService;
import com.practicestudio.directory.ProviderService;
import com.practicestudio.patients.Patient;
import com.practicestudio.patients.PatientService;
import com.practicestudio.scheduling.Appointment;
import com.practicestudio.scheduling.AppointmentService;
import com.practicestudio.scheduling.AppointmentStatus;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A few concrete values per corpus file, read back through the records services. */
final class CorpusRecordsChecks {

  private final PatientService patients;
  private final EncounterService encounters;
  private final AppointmentService appointments;
  private final ObservationService observations;
  private final DocumentService documents;
  private final ChargeService charges;
  private final ProviderService providers;
  private final LocationService locations;

  CorpusRecordsChecks(
      PatientService patients,
      EncounterService encounters,
      AppointmentService appointments,
      ObservationService observations,
      DocumentService documents,
      ChargeService charges,
      ProviderService providers,
      LocationService locations) {
    this.patients = patients;
    this.encounters = encounters;
    this.appointments = appointments;
    this.observations = observations;
    this.documents = documents;
    this.charges = charges;
    this.providers = providers;
    this.locations = locations;
  }

  void verify() {
    adt();
    siu();
    oru();
    dftAndMdm();
  }

  private void adt() {
    // hapi_ADT_A01_v24: untyped PID-3, PID-15 "E^ ENGLISH" by its text, PID-18 FIN, PV1-3
    Patient duck = patient("2216506", null);
    assertThat(duck.lastName() + "," + duck.firstName()).isEqualTo("Duck,Donald");
    assertThat(duck.dateOfBirth()).isEqualTo(LocalDate.of(1972, 2, 27));
    assertThat(duck.phoneHome()).isEqualTo("+14161111111");
    assertThat(duck.preferredLanguage()).isEqualTo("en");
    assertThat(duck.address().postalCode()).isEqualTo("M6G 3E6");
    Encounter duckVisit = encounter(null, "211004554");
    assertThat(locations.get(duckVisit.locationId()).externalId())
        .isEqualTo("ZFAST TRACK/WAITING/13");
    assertThat(duckVisit.status()).isEqualTo("in-progress");
    // lfh_sample_win_v26_crlf: MRN with authority, a ZIP that is no US ZIP left out
    Patient doe = patient("PID1234", "A");
    assertThat(doe.lastName()).isEqualTo("DOE");
    assertThat(doe.race()).isEqualTo("2106-3");
    assertThat(doe.address().postalCode()).isNull();
    Encounter doeVisit = encounter("124", "12");
    assertThat(providers.get(doeVisit.attendingProviderId()).lastName())
        .isEqualTo("ATTEND_DOC_FAMILY_TEST");
    // mirth A01 → A04 → A08 of one patient; the A08 brings the coverage
    Patient mouse = patient("135769", null);
    assertThat(mouse.firstName()).isEqualTo("MICKEY");
    assertThat(mouse.email()).isEqualTo("theMainMouse@disney.com");
    assertThat(mouse.phoneHome()).isEqualTo("+14079391289");
    assertThat(mouse.coverages())
        .extracting(c -> c.insurerName() + "/" + c.groupNumber() + "/" + c.relationship())
        .containsExactly("ABC Insurance Medicaid/G1234/self");
    Encounter mouseVisit = encounter(null, "1719");
    assertThat(mouseVisit.status()).isEqualTo("arrived");
    assertThat(providers.get(mouseVisit.attendingProviderId()).lastName()).isEqualTo("Disney");
    // mirth A40: the merged MRN (never received) now finds the survivor
    assertThat(patient("1765475", null).mrn()).isEqualTo("1765431");
    // msfc A08/A31 (v2.8), PID-3 with HD subcomponents
    Patient everyman = patient("PATID1234", "test1");
    assertThat(everyman.lastName() + "," + everyman.firstName() + "," + everyman.nameSuffix())
        .isEqualTo("EVERYMAN,ADAM,III");
    assertThat(everyman.dateOfBirth()).isEqualTo(LocalDate.of(1988, 8, 18));
    // msfc A40-01/02: two PID/MRG pairs
    assertThat(patient("56789", "BCBS").mrn()).isEqualTo("12345");
    assertThat(patient("569", "BCBS").mrn()).isEqualTo("145");
    // msfc ADT01-23: three IN1, encounter with offset +0700
    Patient donald = patient("10006579", "1");
    assertThat(donald.ssnLast4()).as("PID-19, sealed").isEqualTo("1234");
    assertThat(donald.coverages())
        .extracting(c -> c.insurerName())
        .containsExactlyInAnyOrder("MEDICARE", "MEDICAL MUTUAL CALIF.", "SELF PAY");
    Encounter admit = encounter("AccMgr", "40007716");
    assertThat(admit.encounterClass()).isEqualTo("inpatient");
    assertThat(admit.admitTime()).isEqualTo(Instant.parse("2005-01-09T21:55:02Z"));
    assertThat(providers.get(admit.attendingProviderId()).lastName()).isEqualTo("DISNEY");
    // msfc ADT01-28: same MRN value under another authority is another patient
    assertThat(patient("PATID1234", "ADT1").dateOfBirth()).isEqualTo(LocalDate.of(1961, 6, 15));
    // REDOX A04: no MSH-4 facility zone, PV1-45 with offset; PID-18 is the account (FIN)
    Encounter redox = encounter(null, "123456789");
    assertThat(redox.patientId()).isEqualTo(patient("MRN12345", null).id());
    assertThat(redox.encounterClass()).isEqualTo("emergency");
    // ti_MN newborn
    assertThat(patient("11102779", "SCH").firstName()).isEqualTo("BB SARAH");
  }

  private void siu() {
    // mirth S12 then S15 (and the batch copy): cancelled
    Appointment mirth = appointments.findByExternalId("2196178").orElseThrow();
    assertThat(mirth.status()).isEqualTo(AppointmentStatus.CANCELLED);
    assertThat(patients.find(mirth.patientId()).orElseThrow().lastName()).isEqualTo("BEEBLEBROX");
    // msfc S12 → S14 (moved to Room02) → S15; TQ1 times with +0215
    Appointment msfc = appointments.findByExternalId("36996").orElseThrow();
    assertThat(msfc.status()).isEqualTo(AppointmentStatus.CANCELLED);
    assertThat(msfc.startTime()).isEqualTo(Instant.parse("2021-09-24T07:15:00Z"));
    assertThat(msfc.endTime()).isEqualTo(Instant.parse("2021-09-24T08:05:00Z"));
    assertThat(locations.get(msfc.locationId()).externalId()).isEqualTo("GH Clinic/055/Room02");
    assertThat(providers.get(msfc.providerId()).lastName()).isEqualTo("GE");
    // S12's NTE-3; the S14/S15 notes sit in NTE-2 (source of comment), not read as notes
    assertThat(msfc.notes()).isEqualTo("Appointment booked for emergency procedure");
    // corepoint S14 for an appointment not seen before: placer id, start + SCH-9 minutes
    Appointment corepoint = appointments.findByExternalId("00331839401").orElseThrow();
    assertThat(corepoint.status()).isEqualTo(AppointmentStatus.ARRIVED);
    assertThat(corepoint.startTime()).isEqualTo(Instant.parse("2008-03-06T16:00:00Z"));
    assertThat(corepoint.durationMinutes()).isEqualTo(20);
  }

  private void oru() {
    // lfh multiline: TX lines without a code are one report under OBR-4
    assertThat(result(patient("0d70c6c8", "MRN"), "1487").value())
        .isEqualTo(
            "[PII] Emergency Department\nED Encounter Arrival Date: [ADDRESS]"
                + " [PERSONALNAME]:");
    // mirth large v2.2: 12 OBR groups, local codes with LOINC alternates; THOU/uL as UCUM
    Observation wbc = result(patient("1424589", "URMC"), "6690-2");
    assertThat(wbc.value() + " " + wbc.unit() + " " + wbc.referenceRange())
        .isEqualTo("5.8 10*3/uL 4.0-10.0");
    // mirth CBC: abnormal flag
    Observation monos = result(patient("12345", "MIE"), "5905-5");
    assertThat(monos.value() + " " + monos.abnormalFlag()).isEqualTo("16 H");
    // LAB-ORU-1: preliminary results (tera.l-1 as UCUM); pending ones (no value) left out
    Patient labDuck = patient("10006579", "1");
    Observation rbc = result(labDuck, "11273-0");
    assertThat(rbc.value() + " " + rbc.unit() + " " + rbc.status())
        .isEqualTo("4.06 10*12/L preliminary");
    assertThat(results(labDuck).stream().map(Observation::code)).doesNotContain("11156-7");
    // RMGEAD: SN value, local coding system kept
    Observation glucose = result(patient("555-44-4444", null), "1554-5");
    assertThat(glucose.value() + " " + glucose.abnormalFlag()).isEqualTo("182 H");
    // Cerner HealthSentry: UCUM unit
    Observation lead = result(patient("9339683996", "Baseline West MC"), "10368-9");
    assertThat(lead.valueNumeric()).isEqualByComparingTo(new BigDecimal("50"));
    assertThat(lead.unit()).isEqualTo("ug/dL");
    // NIST case 1: reference range text
    assertThat(result(patient("9817566735", "MPI"), "10368-9").referenceRange())
        .isEqualTo("<9 mcg/dL:  Acceptable background lead exposure");
    // realm: its first OBX is shifted by two fields (OBX-5 empty, the SN in OBX-7), so it has no
    // value and is left out; the others are recorded
    Patient everyman = patient("36363636", "MPI");
    assertThat(results(everyman).stream().map(Observation::code))
        .containsExactlyInAnyOrder("35659-2", "11294-6");
    Observation age = result(everyman, "35659-2");
    assertThat(age.value() + " " + age.unit()).isEqualTo("29 a");
    // FLF hospital: alternate LOINC coding
    assertThat(result(patient("2000005", "MRN"), "94500-6").value()).isEqualTo("NEGATIVE");
    // micro sign in the unit (UTF-8): only when decoded right does it become UCUM's u
    assertThat(result(patient("80008836", "NPI"), "47633-3").unit()).isEqualTo("umol/L");
    // Natus newborn screening: the ED result is an HTML document
    ClinicalDocument report = documents(patient("60170806", null)).get(0);
    assertThat(report.type().code()).isEqualTo("57129-9");
    assertThat(report.contentType()).isEqualTo("text/html");
    assertThat(new String(documents.content(report.id()).bytes(), StandardCharsets.UTF_8))
        .startsWith("<html>");
    // Oracle/Cerner-routed ORU: language CD:151, LOINC alternate, NTE notes on the result
    Patient cpsi = patient("557204", null);
    assertThat(cpsi.preferredLanguage()).isEqualTo("en");
    Observation albumin = result(cpsi, "14959-1");
    assertThat(albumin.value() + " " + albumin.unit() + " " + albumin.abnormalFlag())
        .isEqualTo("36 mg/g crea H");
    assertThat(albumin.notes()).contains("AMERICAN ESOTERIC LABORATORIES-MEMPHIS");
    // batch: FHS/BHS envelope, patients known only by a PI identifier
    Patient buckridge =
        patients
            .findByIdentifier(
                "PI", "2a14112c-ece1-4f82-915c-7b3a8d152eda", "Avante at Ormond Beach")
            .orElseThrow();
    assertThat(result(buckridge, "94558-4").value()).isEqualTo("Not detected");
  }

  private void dftAndMdm() {
    Charge xray = charge("12345");
    assertThat(xray.code() + " " + xray.modifiers() + " " + xray.serviceDate())
        .isEqualTo("71045 [26] 2019-11-22");
    assertThat(xray.quantity()).isEqualByComparingTo("2");
    assertThat(xray.unitAmount()).isEqualByComparingTo("50");
    assertThat(xray.amount()).isEqualByComparingTo("100");
    assertThat(providers.get(xray.providerId()).lastName()).isEqualTo("Smith");
    Patient everyman = patient("PATID1234", "test1");
    // both DFT files post FT1|1 as transaction 12345 (one charge) and an FT1|2 without id: two
    // different messages (their EVN and segments differ) post it twice, as a sender means them
    assertThat(charges(everyman).stream().map(Charge::code))
        .containsExactlyInAnyOrder("71045", "99011", "99011");
    ClinicalDocument echo = document("1.2.840.317.5947431.51.20080131160038");
    assertThat(echo.type().code()).isEqualTo("18748-4");
    assertThat(echo.contentType()).startsWith("text/plain");
    assertThat(new String(documents.content(echo.id()).bytes(), StandardCharsets.UTF_8))
        .startsWith("Toilet cylinder crackers");
    ClinicalDocument summary = document("2RWRVAJ627408");
    assertThat(summary.type().code()).isEqualTo("18842-5");
    assertThat(new String(documents.content(summary.id()).bytes(), StandardCharsets.UTF_8).lines())
        .hasSize(29);
  }

  private Patient patient(String mrn, String authority) {
    return patients.findByMrn(mrn, authority).orElseThrow(() -> new AssertionError("MRN " + mrn));
  }

  private Encounter encounter(String authority, String fin) {
    return encounters.findByFin(authority, fin).orElseThrow(() -> new AssertionError("FIN " + fin));
  }

  private List<Observation> results(Patient p) {
    return observations
        .search(new ObservationQuery(p.id(), null, null, null, null, null, null, null), 200, null)
        .items();
  }

  private Observation result(Patient p, String code) {
    return results(p).stream()
        .filter(o -> o.code().equals(code))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + code));
  }

  private List<ClinicalDocument> documents(Patient p) {
    return documents
        .search(new DocumentQuery(p.id(), null, null, null, null, null, null), 20, null)
        .items();
  }

  private ClinicalDocument document(String externalId) {
    return documents
        .search(new DocumentQuery(null, null, null, null, externalId, null, null), 1, null)
        .items()
        .get(0);
  }

  private Charge charge(String externalId) {
    return charges
        .search(new ChargeQuery(null, null, null, null, externalId, null, null), 1, null)
        .items()
        .get(0);
  }

  private List<Charge> charges(Patient p) {
    return charges
        .search(new ChargeQuery(p.id(), null, null, null, null, null, null), 20, null)
        .items();
  }
}
