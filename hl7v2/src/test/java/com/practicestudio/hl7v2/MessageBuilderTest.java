package com.practicestudio.hl7v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MessageBuilderTest {

  @Test
  void builds_an_outbound_siu_by_path_escaping_values() {
    Hl7Message siu =
        MessageBuilder.create()
            .set("MSH-3", "PRACTICE_STUDIO")
            .set("MSH-9.1", "SIU")
            .set("MSH-9.2", "S12")
            .set("MSH-9.3", "SIU_S12")
            .set("MSH-10", "PS-1")
            .set("MSH-12", "2.5.1")
            .set("SCH-1.1", "APT-1")
            .set("SCH-7.2", "Check-up & flu shot | 30^min")
            .setNull("SCH-8")
            .set("PID-3(2).1", "MRN-2")
            .set("PID-3(2).4.2", "1.2.3")
            .build();
    assertThat(siu.encode())
        .isEqualTo(
            "MSH|^~\\&|PRACTICE_STUDIO||||||SIU^S12^SIU_S12|PS-1||2.5.1\r"
                + "SCH|APT-1||||||^Check-up \\T\\ flu shot \\F\\ 30\\S\\min|\"\"\r"
                + "PID|||~MRN-2^^^&1.2.3\r");
    assertThat(siu.get("SCH-7.2")).isEqualTo("Check-up & flu shot | 30^min");
    assertThat(siu.isNull("SCH-8")).isTrue();
    assertThat(siu.get("PID-3(2).4.2")).isEqualTo("1.2.3");
  }

  @Test
  void changes_a_parsed_message_keeping_everything_else() {
    Hl7Message original = Hl7Message.parse(Corpus.bytes("hl7v2/adt/hapi_ADT_A01_v24.txt"));
    Hl7Message changed =
        MessageBuilder.from(original).set("PID-5.1", "O'BRIEN").set("PID-5.2", "ANN").build();
    assertThat(changed.get("PID-5.1")).isEqualTo("O'BRIEN");
    assertThat(changed.get("PID-5.2")).isEqualTo("ANN");
    assertThat(changed.raw("PID-3")).isEqualTo(original.raw("PID-3"));
    assertThat(changed.segmentCount()).isEqualTo(original.segmentCount());
    for (int s = 0; s < original.segmentCount(); s++) {
      if (!original.segment(s).name().equals("PID")) {
        assertThat(changed.segment(s).encode()).isEqualTo(original.segment(s).encode());
      }
    }
  }

  @Test
  void replacing_a_whole_field_or_a_component() {
    MessageBuilder builder =
        MessageBuilder.from(Hl7Message.parse("MSH|^~\\&|A||||||ADT^A01|1\rPID|1||a^b^c~d\r"));
    assertThat(builder.setRaw("PID-3.2", "B").build().raw("PID-3")).isEqualTo("a^B^c~d");
    assertThat(builder.set("PID-3(2)", "x^y").build().raw("PID-3")).isEqualTo("a^B^c~x\\S\\y");
    assertThat(builder.set("PID-3", "only").build().raw("PID-3")).isEqualTo("only");
    assertThat(builder.set("PID-3(3).2.2", "s").build().raw("PID-3")).isEqualTo("only~~^&s");
  }

  @Test
  void appends_segments_and_numbered_occurrences() {
    Hl7Message message =
        MessageBuilder.create()
            .set("MSH-9", "ACK")
            .set("NTE-3", "first")
            .set("NTE(2)-3", "second")
            .addSegment("ZPS")
            .set("ZPS-1", "z")
            .build();
    assertThat(message.segments())
        .extracting(Segment::name)
        .containsExactly("MSH", "NTE", "NTE", "ZPS");
    assertThat(message.get("NTE(2)-3")).isEqualTo("second");
    assertThatThrownBy(() -> MessageBuilder.create().set("NTE(2)-3", "gap"))
        .isInstanceOf(Hl7ParseException.class);
  }

  @Test
  void uses_the_message_delimiters() {
    Hl7Message custom =
        Hl7Message.parse(Corpus.bytes("hl7v2/adt/hapi_segmentfinder_a24_custom_delims.hl7"));
    Hl7Message changed = MessageBuilder.from(custom).set("PID-5.1", "DOE^JR").build();
    assertThat(changed.raw("PID-5")).isEqualTo("DOE\\F\\JR~JOHN~TEST");
    assertThat(changed.get("PID-5.1")).isEqualTo("DOE^JR");
  }

  @ParameterizedTest
  @ValueSource(strings = {"MSH-1", "MSH-2", "MSH-2.1"})
  void refuses_to_set_the_delimiter_fields(String path) {
    assertThatThrownBy(() -> MessageBuilder.create().set(path, "x"))
        .isInstanceOfSatisfying(
            Hl7ParseException.class, e -> assertThat(e.code()).isEqualTo("HL7-017"));
  }

  @Test
  void refuses_raw_line_breaks_and_missing_delimiters() {
    assertThatThrownBy(() -> MessageBuilder.create().setRaw("PID-3", "a\rb"))
        .isInstanceOf(Hl7ParseException.class);
    MessageBuilder noSubcomponent = MessageBuilder.create(Delimiters.of('|', "^~\\", 3));
    assertThatThrownBy(() -> noSubcomponent.set("PID-3.1.2", "x"))
        .isInstanceOfSatisfying(
            Hl7ParseException.class, e -> assertThat(e.code()).isEqualTo("HL7-017"));
  }

  @Test
  void build_checks_the_result_like_a_received_message() {
    assertThatThrownBy(() -> MessageBuilder.create().set("MSH-3", "A").build())
        .isInstanceOfSatisfying(
            Hl7ParseException.class, e -> assertThat(e.code()).isEqualTo("HL7-006"));
  }

  @Test
  void text_in_the_declared_charset() {
    Hl7Message latin1 =
        MessageBuilder.create()
            .set("MSH-9", "ADT")
            .set("MSH-18", "8859/1")
            .set("PID-5", "MÜLLER")
            .build();
    assertThat(latin1.toBytes()).contains((byte) 0xDC);
    Hl7Message ascii =
        MessageBuilder.create()
            .set("MSH-9", "ADT")
            .set("MSH-18", "ASCII")
            .set("PID-5", "MÜLLER")
            .build();
    assertThatThrownBy(ascii::toBytes)
        .isInstanceOfSatisfying(
            Hl7ParseException.class, e -> assertThat(e.code()).isEqualTo("HL7-016"));
    Hl7Message utf8 = MessageBuilder.create().set("MSH-9", "ADT").set("PID-5", "MÜLLER").build();
    assertThat(new String(utf8.toBytes(), StandardCharsets.UTF_8)).contains("MÜLLER");
  }
}
