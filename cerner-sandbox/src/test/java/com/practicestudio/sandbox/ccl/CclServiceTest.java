package com.practicestudio.sandbox.ccl;

import static org.assertj.core.api.Assertions.assertThat;

import com.practicestudio.sandbox.data.AppointmentRecord;
import com.practicestudio.sandbox.data.EncounterRecord;
import com.practicestudio.sandbox.data.PatientRecord;
import com.practicestudio.sandbox.data.SandboxData;
import com.practicestudio.sandbox.data.SeedGenerator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CclServiceTest {

  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T15:00:00Z"), ZoneOffset.UTC);
  static SandboxData data;
  static CclService ccl;

  @BeforeAll
  static void seed() {
    data = SeedGenerator.generate(7, 1000, CLOCK);
    ccl = new CclService(data, CLOCK);
  }

  static PatientRecord activePatient() {
    return data.patients().stream()
        .filter(PatientRecord::active)
        .skip(17)
        .findFirst()
        .orElseThrow();
  }

  static Map<String, Object> row(CclReply reply, int index) {
    Map<String, Object> row = new java.util.LinkedHashMap<>();
    for (int i = 0; i < reply.columns().size(); i++) {
      row.put(
          reply.columns().get(i).name(),
          reply.toJson().get("rows") instanceof List<?> rows
              ? ((List<?>) rows.get(index)).get(i)
              : null);
    }
    return row;
  }

  @Test
  void the_patient_by_mrn_script_answers_the_person_holding_the_mrn() {
    PatientRecord patient = activePatient();
    CclReply reply = ccl.run(CclRequest.script("ps_patient_by_mrn", Map.of("$mrn", patient.mrn())));
    assertThat(reply.status()).isEqualTo("S");
    assertThat(reply.rows()).hasSize(1);
    Map<String, Object> row = row(reply, 0);
    assertThat(row)
        .containsEntry("PERSON_ID", patient.personId())
        .containsEntry("MRN", patient.mrn())
        .containsEntry("NAME_LAST", patient.name().family())
        .containsEntry("NAME_FIRST", patient.name().given())
        .containsEntry("BIRTH_DT_TM", patient.birthDate() + "T00:00:00Z")
        .containsEntry(
            "SEX",
            switch (patient.sex()) {
              case MALE -> "Male";
              case FEMALE -> "Female";
              case UNKNOWN -> "Unknown";
            })
        .containsEntry("ACTIVE_IND", 1L);
    assertThat(reply.subEventStatus())
        .isEqualTo(new CclReply.SubEventStatus("SELECT", "S", "ps_patient_by_mrn", "1 row"));
  }

  @Test
  void no_matching_rows_answer_Z() {
    CclReply reply = ccl.run(CclRequest.script("ps_patient_by_mrn", Map.of("mrn", "no-such-mrn")));
    assertThat(reply.status()).isEqualTo("Z");
    assertThat(reply.rows()).isEmpty();
    assertThat(reply.toJson()).containsEntry("curqual", 0);
    assertThat(reply.subEventStatus().operationStatus()).isEqualTo("Z");
    assertThat(reply.columns()).extracting(CclReply.Column::name).startsWith("PERSON_ID", "MRN");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
      x" or "1"="1
      x' or 1=1 go select p.person_id from person p go
      ` GO`
      $mrn
      """)
  void a_parameter_is_bound_as_a_value_and_never_changes_the_query(String hostile) {
    String query = "select p.person_id from person p where p.name_last = $name go";
    CclReply hostileReply = ccl.run(CclRequest.text(query, Map.of("name", hostile)));
    assertThat(hostileReply.status()).isEqualTo("Z");
    CclReply byMrn = ccl.run(CclRequest.script("ps_patient_by_mrn", Map.of("mrn", hostile)));
    assertThat(byMrn.status()).isEqualTo("Z");
    PatientRecord patient = activePatient();
    CclReply honest = ccl.run(CclRequest.text(query, Map.of("name", patient.name().family())));
    assertThat(honest.status()).isEqualTo("S");
    assertThat(honest.rows()).contains(List.of((double) patient.personId()));
  }

  @Test
  void a_plain_where_join_and_a_plan_join_agree() {
    PatientRecord patient = activePatient();
    String where =
        "select p.person_id, pa.alias from person p, person_alias pa"
            + " where pa.alias = $mrn and p.person_id = pa.person_id go";
    String plan =
        "select p.person_id, pa.alias from person p, person_alias pa"
            + " plan pa where pa.alias = $mrn join p where p.person_id = pa.person_id go";
    Map<String, Object> mrn = Map.of("mrn", patient.mrn());
    assertThat(ccl.run(CclRequest.text(where, mrn)).rows())
        .isEqualTo(ccl.run(CclRequest.text(plan, mrn)).rows())
        .containsExactly(List.of((double) patient.personId(), patient.mrn()));
  }

  @Test
  void a_string_compared_with_a_number_is_read_as_a_number() {
    PatientRecord patient = activePatient();
    CclReply reply =
        ccl.run(
            CclRequest.text(
                "select pa.person_id from person_alias pa where pa.alias = $mrn go",
                Map.of("mrn", Double.valueOf(patient.mrn()))));
    assertThat(reply.rows()).containsExactly(List.of((double) patient.personId()));
  }

  @Test
  void order_by_desc_with_maxrec_keeps_the_first_rows_in_order() {
    CclReply reply =
        ccl.run(
            CclRequest.text(
                "select p.person_id from person p order by p.person_id desc with maxrec = 3 go",
                Map.of()));
    List<Double> highest =
        data.patients().stream()
            .map(p -> (double) p.personId())
            .sorted(java.util.Comparator.reverseOrder())
            .limit(3)
            .toList();
    assertThat(reply.rows()).extracting(r -> r.get(0)).containsExactlyElementsOf(highest);
  }

  @Test
  void distinct_folds_equal_rows() {
    CclReply reply =
        ccl.run(
            CclRequest.text(
                "select distinct cv.code_set from code_value cv where cv.code_set in (4, 57)"
                    + " order by cv.code_set go",
                Map.of()));
    assertThat(reply.rows()).containsExactly(List.of(4d), List.of(57d));
  }

  @Test
  void functions_of_the_subset_work_on_the_rows() {
    PatientRecord patient = activePatient();
    CclReply reply =
        ccl.run(
            CclRequest.text(
                """
                select up = cnvtupper(p.name_last), dob = format(p.birth_dt_tm, "MM/DD/YYYY;;D"),
                  sex = uar_get_code_meaning(p.sex_cd), id = cnvtstring(p.person_id),
                  label = build2(p.name_last, ", ", p.name_first), trimmed = trim("  a  ", 3)
                from person p
                where p.person_id = $id
                  and p.birth_dt_tm between cnvtdatetime("01-JAN-1900") and cnvtdatetime(curdate, 2359)
                  and p.end_effective_dt_tm = cnvtdatetime("31-DEC-2100 00:00:00.00")
                  and p.sex_cd = uar_get_code_by("MEANING", 57, $meaning)
                go""",
                Map.of(
                    "id",
                    patient.personId(),
                    "meaning",
                    patient.sex() == com.practicestudio.sandbox.data.Sex.UNKNOWN
                        ? "UNKNOWN"
                        : patient.sex().name())));
    assertThat(reply.status()).isEqualTo("S");
    assertThat(row(reply, 0))
        .containsEntry("UP", patient.name().family().toUpperCase(Locale.ROOT))
        .containsEntry("DOB", patient.birthDate().format(DateTimeFormatter.ofPattern("MM/dd/yyyy")))
        .containsEntry("ID", Long.toString(patient.personId()))
        .containsEntry("LABEL", patient.name().family() + ", " + patient.name().given())
        .containsEntry("TRIMMED", "a");
  }

  @Test
  void the_appointments_by_date_script_answers_the_days_appointments() {
    AppointmentRecord appointment = data.appointments().get(data.appointments().size() / 2);
    java.time.LocalDate day = appointment.start().atZone(ZoneOffset.UTC).toLocalDate();
    String date =
        day.format(DateTimeFormatter.ofPattern("dd-MMM-yyyy", Locale.US)).toUpperCase(Locale.ROOT);
    CclReply reply = ccl.run(CclRequest.script("ps_appointments_by_date", Map.of("$date", date)));
    long expected =
        data.appointments().stream()
            .filter(a -> a.start().atZone(ZoneOffset.UTC).toLocalDate().equals(day))
            .count();
    assertThat(reply.status()).isEqualTo("S");
    assertThat(reply.rows()).hasSize((int) expected);
    assertThat(reply.rows())
        .extracting(r -> r.get(0))
        .contains((double) appointment.appointmentId());
  }

  @Test
  void the_encounters_by_fin_script_answers_the_encounter() {
    EncounterRecord encounter = data.encounters().get(3);
    CclReply reply =
        ccl.run(CclRequest.script("ps_encounters_by_fin", Map.of("fin", encounter.fin())));
    assertThat(row(reply, 0))
        .containsEntry("ENCNTR_ID", encounter.encounterId())
        .containsEntry("FIN", encounter.fin())
        .containsEntry("PERSON_ID", encounter.patientId())
        .containsEntry("REG_DT_TM", encounter.start().toString());
  }

  @Test
  void joins_on_ids_read_through_the_index() {
    CclReply reply =
        ccl.run(
            CclRequest.text(
                "select p.person_id from person p, person_alias pa, address a, phone ph"
                    + " plan p join pa where pa.person_id = p.person_id"
                    + " join a where a.parent_entity_id = p.person_id"
                    + " join ph where ph.parent_entity_id = pa.person_id go",
                Map.of()));
    assertThat(reply.status()).isEqualTo("S");
  }

  @Test
  void a_join_without_conditions_is_stopped_before_it_runs_away() {
    CclReply reply =
        ccl.run(
            CclRequest.text(
                "select p.person_id from person p, person_alias pa, address a go", Map.of()));
    assertThat(reply.status()).isEqualTo("F");
    assertThat(reply.error().kind()).isEqualTo("EXECUTION");
    assertThat(reply.error().message()).contains("row combinations");
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      select p.x from persons p go                                      | SEMANTIC  | 1:17 | unknown table PERSONS
      select p.nme from person p go                                     | SEMANTIC  | 1:8  | table PERSON has no column NME
      select q.person_id from person p go                               | SEMANTIC  | 1:8  | unknown table alias q (not in FROM)
      select p.person_id from person p where p.birth_dt_tm = 5 go       | SEMANTIC  | 1:54 | cannot compare DQ8 with F8
      select p.person_id from person p where p.person_id go             | SEMANTIC  | 1:40 | WHERE needs a condition, not a F8
      select p.person_id from person p where p.person_id = $missing go  | PARAMETER | 1:54 | no value for parameter $missing
      select p.person_id from person p where p.x = person_id go         | SEMANTIC  | 1:40 | table PERSON has no column X
      select p.person_id from person p where p.person_id = person_id go | SEMANTIC  | 1:54 | unknown name PERSON_ID (columns are written alias.column, parameters $name)
      select soundex(p.name_last) from person p go                      | UNSUPPORTED | 1:8 | unsupported construct function SOUNDEX
      select p.person_id from person p, encounter p go                  | SEMANTIC  | 1:35 | alias p is used twice in FROM
      select p.person_id from person p, encounter e plan p go           | SEMANTIC  | 1:35 | table alias e is in FROM but not in the PLAN
      select p.person_id from person p, encounter e plan p where p.person_id = e.person_id join e go | SEMANTIC | 1:72 | the condition of p reads a table joined after it
      select p.person_id from person p where p.birth_dt_tm > cnvtdatetime("2026-01-01") go | EXECUTION | 1:56 | CNVTDATETIME cannot read its argument (expected DD-MMM-YYYY [HH:MM[:SS]])
      select p.person_id / 0 from person p go                           | EXECUTION | 1:20 | division by zero
      """)
  void problems_answer_F_with_line_and_column(
      String text, String kind, String position, String message) {
    CclReply reply = ccl.run(CclRequest.text(text, Map.of()));
    assertThat(reply.status()).isEqualTo("F");
    assertThat(reply.error().kind()).isEqualTo(kind);
    assertThat(reply.error().line() + ":" + reply.error().column()).isEqualTo(position);
    assertThat(reply.error().message()).startsWith(message);
    assertThat(reply.subEventStatus().operationStatus()).isEqualTo("F");
    assertThat(reply.subEventStatus().targetObjectName()).isEqualTo("CCL " + position);
    assertThat(reply.rows()).isEmpty();
  }

  @Test
  void requests_without_a_runnable_select_answer_F() {
    assertThat(ccl.run(CclRequest.script("ps_nothing", Map.of())).error().message())
        .startsWith("no script named ps_nothing");
    assertThat(ccl.run(new CclRequest("ps_patient_by_mrn", "select", Map.of())).status())
        .isEqualTo("F");
    assertThat(ccl.run(CclRequest.text("drop program x go", Map.of())).error().message())
        .isEqualTo("the text runs no SELECT");
    assertThat(ccl.scripts())
        .containsExactly(
            "ps_appointments_by_date",
            "ps_code_values",
            "ps_encounters_by_fin",
            "ps_patient_by_mrn");
  }
}
