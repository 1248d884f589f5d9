package com.practicestudio.hl7.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.practicestudio.hl7.inbound.SiuTiming.Span;
import com.practicestudio.journal.ExchangeFailure;
import java.time.Instant;
import java.time.ZoneId;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** SIU timing, type, status and notes, one row per source field. */
class SiuMappingTest {

  private static final String MSH = "MSH|^~\\&|SCH|CLINIC|||20260101120000||SIU^S12|1|P|2.5\n";

  static Stream<Arguments> timings() {
    return Stream.of(
        // TQ1-7 / TQ1-8 start and end, with offsets
        Arguments.of(
            "TQ1-7/8",
            "SCH|1|2\nTQ1|||||||20210924093000+0215|20210924102000+0215",
            "2021-09-24T07:15:00Z",
            "2021-09-24T08:05:00Z"),
        // SCH-11.4 / SCH-11.5 (TQ start^end), local time of the location (America/New_York)
        Arguments.of(
            "SCH-11 start^end",
            "SCH|10345|2196178|||||||||^^60^20110617084500^20110617093000",
            "2011-06-17T12:45:00Z",
            "2011-06-17T13:30:00Z"),
        // SCH-11.4 start plus SCH-9 duration in SCH-10 units
        Arguments.of(
            "SCH-9/10 duration",
            "SCH|1|2|||||||20|MIN|^^^200803061000 ",
            "2008-03-06T15:00:00Z",
            "2008-03-06T15:20:00Z"),
        // AIS-4 start plus AIS-7/AIS-8 duration when SCH carries no timing
        Arguments.of(
            "AIS-4 + AIS-7/8",
            "SCH|1|2\nAIS|1|A|X^Biopsy|20210924093000+0215|||50|min",
            "2021-09-24T07:15:00Z",
            "2021-09-24T08:05:00Z"),
        // SCH-11.3 duration (TQ-3, e.g. M30) when nothing else gives one
        Arguments.of(
            "SCH-11.3 duration",
            "SCH|1|2|||||||||^^M30^20260301090000",
            "2026-03-01T14:00:00Z",
            "2026-03-01T14:30:00Z"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("timings")
  void reads_start_and_end(String source, String segments, String start, String end) {
    Inbound in =
        TestInbound.of(
            TestInbound.message(MSH + segments),
            "SIU^S12",
            ZoneId.of("America/Chicago"),
            ZoneId.of("America/New_York"));
    Span span = SiuTiming.read(in, 7L);
    assertThat(span.start()).isEqualTo(Instant.parse(start));
    assertThat(span.end()).isEqualTo(Instant.parse(end));
  }

  @Test
  void a_time_without_offset_and_without_location_falls_back_to_msh7s_offset_then_the_default() {
    Inbound withOffset =
        TestInbound.of(
            TestInbound.message(
                "MSH|^~\\&|SCH|CLINIC|||20260101120000-0800||SIU^S12|1|P|2.5\n"
                    + "SCH|1|2|||||||||^^^202603010900^202603010930"),
            "SIU^S12",
            ZoneId.of("America/Chicago"),
            null);
    assertThat(SiuTiming.read(withOffset, null).start())
        .isEqualTo(Instant.parse("2026-03-01T17:00:00Z"));
    Inbound noOffset = TestInbound.of(MSH + "SCH|1|2|||||||||^^^202603010900^202603010930", "x");
    assertThat(SiuTiming.read(noOffset, null).start())
        .isEqualTo(Instant.parse("2026-03-01T15:00:00Z"));
  }

  @Test
  void no_start_time_is_refused() {
    assertThatThrownBy(() -> SiuTiming.read(TestInbound.of(MSH + "SCH|1|2", "SIU^S12"), null))
        .isInstanceOfSatisfying(
            ExchangeFailure.class,
            f ->
                assertThat(f.code() + " " + f.text())
                    .isEqualTo("HL7-104 TQ1-7, SCH-11.4 and AIS-4 give no start time"));
  }

  static Stream<Arguments> types() {
    return Stream.of(
        // AIS-3 service through the appointment-type code map (a raw Cerner code value)
        Arguments.of("AIS-3", "SCH|1|2\nAIS|1|A|CD:5038369^Office Visit - Return", "follow-up"),
        // SCH-8 appointment type, display text
        Arguments.of("SCH-8", "SCH|1|2||||||OV^Office Visit", "office-visit"),
        // SCH-7 (v2.3 appointment reason) when nothing else maps
        Arguments.of("SCH-7", "SCH|1|2|||||Office Visit", "office-visit"),
        // unmapped: no type
        Arguments.of("unmapped", "SCH|1|2\nAIS|1|A|76164006^Biopsy of colon^SCT", null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("types")
  void maps_the_appointment_type(String source, String segments, String expected) {
    assertThat(AppointmentRecords.appointmentType(TestInbound.of(MSH + segments, "SIU^S12")))
        .isEqualTo(java.util.Optional.ofNullable(expected));
  }

  @Test
  void maps_sch25_filler_status_and_defaults_to_booked() {
    Inbound cerner = TestInbound.of(MSH + "SCH|1|2" + "|".repeat(23) + "Scheduled", "SIU^S12");
    assertThat(AppointmentRecords.status(cerner, cerner.required("SCH"), null)).isEqualTo("booked");
    Inbound hl7 = TestInbound.of(MSH + "SCH|1|2" + "|".repeat(23) + "Cancelled", "SIU^S14");
    assertThat(AppointmentRecords.status(hl7, hl7.required("SCH"), null)).isEqualTo("cancelled");
    Inbound unknown = TestInbound.of(MSH + "SCH|1|2" + "|".repeat(23) + "Weird", "SIU^S12");
    assertThat(AppointmentRecords.status(unknown, unknown.required("SCH"), null))
        .isEqualTo("booked");
  }

  @Test
  void the_notes_are_the_nte_segments_of_the_schedule_group() {
    Inbound in =
        TestInbound.of(
            MSH
                + "SCH|1|2\nTQ1|||||||20210924093000\nNTE|1||Bring the referral\nNTE|2||Fasting"
                + "\nPID|1||1^^^^MR||DOE\nAIS|1|A|X\nNTE|1||about the service",
            "SIU^S12");
    assertThat(AppointmentRecords.notes(in, "stored")).isEqualTo("Bring the referral\nFasting");
  }

  static Stream<Arguments> storedNotes() {
    return Stream.of(
        // no NTE in the SCH group (one of the service does not count): the stored notes stay
        Arguments.of("no NTE", "SCH|1|2\nPID|1||1^^^^MR||DOE\nAIS|1|A|X\nNTE|1||x", "stored"),
        // an NTE with an empty NTE-3 says nothing
        Arguments.of("NTE-3 empty", "SCH|1|2\nNTE|1|L|", "stored"),
        // NTE-3 "" (explicit null) clears them
        Arguments.of("NTE-3 \"\"", "SCH|1|2\nNTE|1||\"\"", null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("storedNotes")
  void an_nte_sent_as_explicit_null_clears_the_notes_and_no_nte_keeps_them(
      String source, String segments, String expected) {
    assertThat(AppointmentRecords.notes(TestInbound.of(MSH + segments, "SIU^S14"), "stored"))
        .isEqualTo(expected);
  }
}
