package com.practicestudio.hl7.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import com.practicestudio.hl7v2.Hl7Message;
import com.practicestudio.hl7v2.Segment;
import com.practicestudio.testing.Corpus;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which of an SIU's resource segments give the appointment its location and provider. */
class AppointmentResourcesTest {

  private static final String MSH = "MSH|^~\\&|SCH|CLINIC|||20260101120000||SIU^S12|1|P|2.5\n";
  private static final Set<String> HL7_ONLY = AppointmentResources.roles(List.of("AT"));

  @Test
  void the_attending_comes_first_then_the_others_in_message_order_and_deleted_ones_not_at_all() {
    Hl7Message m =
        TestInbound.message(
            MSH
                + "SCH|1|2\n"
                + "RGS|1|A\n"
                + "AIP|1|A|N1^Nurse^Ann|NUR^Nurse\n" // a nurse, listed first
                + "AIP|2|D|D0^Old^Doc|AT^Attending\n" // taken off the appointment
                + "RGS|2|A\n"
                + "AIP|3|A|D1^Adams^Douglas|AT^Attending\n"
                + "AIP|4|A||CP^Consulting\n" // AIP-3 empty: names no one
                + "AIP|5|A|C1^Prefect^Ford|CP^Consulting\n");

    assertThat(ids(AppointmentResources.personnel(m, HL7_ONLY))).containsExactly("D1", "N1", "C1");
  }

  @ParameterizedTest(name = "AIP-4 [{0}]")
  @CsvSource(
      delimiter = '|',
      value = {"AT", "at^", "^Attending Physician", "CD:4024^attending"})
  void the_attending_is_known_by_the_hl7_role_code_or_the_role_text(String role) {
    Hl7Message m =
        TestInbound.message(
            MSH + "SCH|1|2\nAIP|1|A|N1^Nurse|NUR^Nurse\nAIP|2|A|D1^Adams|" + role + "\n");

    assertThat(ids(AppointmentResources.personnel(m, HL7_ONLY))).containsExactly("D1", "N1");
  }

  @Test
  void a_senders_own_role_code_marks_the_attending_once_configured() {
    Hl7Message m =
        TestInbound.message(
            MSH + "SCH|1|2\nAIP|1|A|N1^Nurse|NUR^Nurse\nAIP|2|A|D1^Adams|ATND^Physician\n");

    assertThat(ids(AppointmentResources.personnel(m, HL7_ONLY))).containsExactly("N1", "D1");
    assertThat(
            ids(
                AppointmentResources.personnel(
                    m, AppointmentResources.roles(List.of("AT", "atnd")))))
        .containsExactly("D1", "N1");
  }

  @Test
  void the_first_location_sent_decides_and_an_explicit_null_is_sent() {
    Hl7Message m =
        TestInbound.message(
            MSH
                + "SCH|1|2\n"
                + "AIL|1|A||^Waiting area\n" // AIL-3 empty: says nothing
                + "AIL|2|D|OLD^^^MAIN\n"
                + "AIL|3|A|\"\"\n"
                + "AIL|4|A|ROOM1^^^MAIN\n");

    List<Segment> sent = AppointmentResources.sent(m, "AIL");

    assertThat(sent).hasSize(2);
    assertThat(Fields.isNull(sent.get(0), 3)).as("AIL-3 \"\" comes first and clears").isTrue();
    assertThat(Fields.text(sent.get(1), 3, 1)).isEqualTo("ROOM1");
  }

  @Test
  void a_corpus_siu_with_one_group_reads_its_only_location_person_and_device() {
    // microsoft/FHIR-Converter's SIU S12: a room (AIL), a gastroenterologist (AIP, role 010) and
    // the colonoscope (AIG) in one resource group
    Hl7Message m =
        Hl7Message.parse(
            new String(Corpus.bytes("hl7v2/siu/msfc_SIU-S12-01_v28.hl7"), StandardCharsets.UTF_8)
                .replace("\r\n", "\r")
                .replace('\n', '\r'));

    assertThat(ids(AppointmentResources.personnel(m, HL7_ONLY))).containsExactly("1210");
    assertThat(ids(AppointmentResources.sent(m, "AIL"))).containsExactly("055");
    assertThat(ids(AppointmentResources.sent(m, "AIG"))).containsExactly("5001");
  }

  private static List<String> ids(List<Segment> segments) {
    return segments.stream().map(s -> Fields.text(s, 3, 1)).toList();
  }
}
