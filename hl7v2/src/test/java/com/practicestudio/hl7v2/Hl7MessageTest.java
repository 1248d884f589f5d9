package com.practicestudio.hl7v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Hl7MessageTest {

  // ADT^A03 v2.5 (Italian hospital): PID-3 has four repetitions, PV1-3.10 an HD with &
  private static final Hl7Message A03 =
      Hl7Message.parse(Corpus.bytes("hl7v2/adt/hapi_adt_a03_v25_it.txt"));

  private static final String SMALL =
      String.join(
          "\r",
          "MSH|^~\\&|LAB|HOSP|EHR|CLINIC|20240301120000+0100||ORU^R01^ORU_R01|CTRL1|P|2.5.1",
          "PID|1||111^^^H&1.2.3&ISO^MR~222^^^SSA^SS||\"\"|^Ann||F|",
          "OBX|1|NM|glu||5.5|mmol/L",
          "OBX|2|ST|note||A\\T\\E \\S\\ B\\.br\\next",
          "OBX|3|TX|text||third",
          "");

  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      value = {
        "MSH-9.1; ADT",
        "MSH-9; ADT",
        "MSH-9.2; A03",
        "MSH-12; 2.5",
        "PID-3(1).1; 5520255",
        "PID-3(2).4; CF",
        "PID-3(3).7; 20070103",
        "PID-3(4).5; TEAM",
        "PID-3(5).1; ''",
        "PV1-3.11.2; LODI",
        "PID-8; F",
      })
  void reads_corpus_values_by_path(String path, String expected) {
    assertThat(A03.get(path)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      value = {
        "PID-3(2).4; SSA",
        "PID-3.4.2; 1.2.3",
        "PID-3.4.3; ISO",
        "PID-3-4-2; 1.2.3",
        "PID-3(3).1; ''",
        "OBX(2)-5; A&E ^ B\\.br\\next",
        "OBX(3)-5; third",
        "OBX(4)-5; ''",
        "MSH-1; |",
        "MSH-2; ^~\\&",
        "ZZZ-1; ''",
      })
  void reads_repetitions_components_subcomponents_and_segment_occurrences(
      String path, String expected) {
    Hl7Message message = Hl7Message.parse(SMALL);
    assertThat(message.get(path)).isEqualTo(expected);
  }

  @Test
  void raw_stops_at_the_last_part_given() {
    Hl7Message message = Hl7Message.parse(SMALL);
    assertThat(message.raw("PID-3")).isEqualTo("111^^^H&1.2.3&ISO^MR~222^^^SSA^SS");
    assertThat(message.raw("PID-3(2)")).isEqualTo("222^^^SSA^SS");
    assertThat(message.raw("PID-3.4")).isEqualTo("H&1.2.3&ISO");
    assertThat(message.raw("OBX(2)-5")).isEqualTo("A\\T\\E \\S\\ B\\.br\\next");
    assertThat(message.getAll("PID-3.1")).containsExactly("111", "222");
    assertThat(message.plainText("OBX(2)-5")).isEqualTo("A&E ^ B\nnext");
  }

  @Test
  void explicit_null_is_distinct_from_empty_and_absent() {
    Hl7Message message = Hl7Message.parse(SMALL);
    assertThat(message.state("PID-5")).isEqualTo(ValueState.NULL);
    assertThat(message.isNull("PID-5")).isTrue();
    assertThat(message.get("PID-5")).isEmpty();
    assertThat(message.raw("PID-5")).isEqualTo("\"\"");
    assertThat(message.state("PID-6")).isEqualTo(ValueState.EMPTY); // "^Ann": component 1 empty
    assertThat(message.state("PID-6.2")).isEqualTo(ValueState.VALUED);
    assertThat(message.state("PID-9")).isEqualTo(ValueState.EMPTY); // trailing separator
    assertThat(message.state("PID-10")).isEqualTo(ValueState.ABSENT);
    assertThat(message.state("NK1-1")).isEqualTo(ValueState.ABSENT);
  }

  @Test
  void segment_views_count_parts() {
    Segment pid = Hl7Message.parse(SMALL).segment("PID").orElseThrow();
    assertThat(pid.name()).isEqualTo("PID");
    assertThat(pid.fieldCount()).isEqualTo(9);
    assertThat(pid.repetitionCount(3)).isEqualTo(2);
    assertThat(pid.componentCount(3, 1)).isEqualTo(5);
    assertThat(pid.subcomponentCount(3, 1, 4)).isEqualTo(3);
    assertThat(pid.repetitionCount(2)).isZero();
    Segment msh = Hl7Message.parse(SMALL).segment(0);
    assertThat(msh.fieldCount()).isEqualTo(12);
    assertThat(msh.get(2)).isEqualTo("^~\\&");
    assertThat(msh.componentCount(2, 1)).isEqualTo(1);
    assertThat(Hl7Message.parse(SMALL).segments("OBX")).hasSize(3);
  }

  @Test
  void typed_helpers_read_timestamps_and_numbers() {
    Hl7Message message = Hl7Message.parse(SMALL);
    assertThat(message.timestamp("MSH-7").orElseThrow().toOffsetDateTime())
        .contains(OffsetDateTime.of(2024, 3, 1, 12, 0, 0, 0, ZoneOffset.ofHours(1)));
    assertThat(message.decimal("OBX-5")).contains(new BigDecimal("5.5"));
    assertThat(message.integer("OBX(3)-1")).hasValue(3);
    assertThat(message.timestamp("PID-7")).isEmpty();
    assertThatThrownBy(() -> message.decimal("OBX(3)-5"))
        .isInstanceOfSatisfying(
            Hl7ParseException.class,
            e -> {
              assertThat(e.code()).isEqualTo("HL7-012");
              assertThat(e.offset()).isEqualTo(SMALL.indexOf("third"));
            })
        .hasMessageNotContaining("third");
    assertThat(A03.timestamp("PID-7").map(Hl7Timestamp::toLocalDate))
        .contains(LocalDate.of(1983, 8, 24));
  }

  @Test
  void non_standard_delimiters_are_taken_from_msh() {
    // MSH^~|\&: field ^, component ~, repetition |, escape \, subcomponent &
    Hl7Message message =
        Hl7Message.parse(Corpus.bytes("hl7v2/adt/hapi_segmentfinder_a24_custom_delims.hl7"));
    assertThat(message.delimiters().field()).isEqualTo('^');
    assertThat(message.delimiters().component()).isEqualTo('~');
    assertThat(message.delimiters().repetition()).isEqualTo('|');
    assertThat(message.messageType()).isEqualTo("ADT");
    assertThat(message.triggerEvent()).isEqualTo("A24");
    assertThat(message.get("PID(2)-3.1")).isEqualTo("22222");
    assertThat(message.get("PID(2)-3.4.1")).isEqualTo("FOO");
    assertThat(message.get("PID(2)-3.4.3")).isEqualTo("0363");
    assertThat(message.get("PID(2)-3.6.2")).isEqualTo("200M");
    assertThat(message.get("PID(2)-1")).isEqualTo("2");
    assertThat(message.get("PID-5.2")).isEqualTo("JOHN");
  }

  @Test
  void short_and_repeating_encoding_characters_are_read_as_meant() {
    Hl7Batch batch =
        Hl7Batch.split(
            Corpus.bytes("hl7v2/batch/hapi_util_messages_commented.txt"),
            Hl7Batch.Options.STRICT.withComments());
    assertThat(batch.messages()).hasSize(18);
    Hl7Message braces = batch.messages().get(1); // MSH|^~\}: subcomponent separator }
    assertThat(braces.delimiters().subcomponent()).isEqualTo('}');
    assertThat(braces.delimiters().escape()).isEqualTo('\\');
    Hl7Message noSub = batch.messages().get(3); // MSH|^~}: escape }, no subcomponent separator
    assertThat(noSub.delimiters().escape()).isEqualTo('}');
    assertThat(noSub.delimiters().hasSubcomponent()).isFalse();
    assertThat(noSub.get("PID-3.1")).isEqualTo("479305169");
    assertThat(noSub.isNull("PID-11.6")).isTrue();
    // ^~\\& (the sender doubled the backslash): the second \ is not also a subcomponent separator
    Hl7Message doubled = Hl7Message.parse(Corpus.bytes("hl7v2/adt/lfh_sample_win_v26_crlf.hl7"));
    assertThat(doubled.delimiters().hasSubcomponent()).isFalse();
    assertThat(doubled.delimiters().truncation()).isEqualTo('&');
  }

  @Test
  void a_message_declaring_8859_1_reads_its_accented_bytes_in_latin_1() {
    byte[] accented =
        "MSH|^~\\&|A|B|C|D|||ADT^A08|1|P|2.3||||||8859/1\rPID|||1||HÉLÈNE^ZOË\r"
            .getBytes(StandardCharsets.ISO_8859_1);
    Hl7Message m = Hl7Message.parse(accented);
    assertThat(m.charset().source()).isEqualTo(Hl7Charset.Source.DECLARED);
    assertThat(m.get("PID-5.1")).isEqualTo("HÉLÈNE");
    assertThat(m.get("PID-5.2")).isEqualTo("ZOË");
    assertThat(m.toBytes()).isEqualTo(accented);

    // C3 A9 is also UTF-8 for one letter; the declaration says these are two
    byte[] lookAlike =
        "MSH|^~\\&|A|B|C|D|||ADT^A08|1|P|2.3||||||8859/1\rPID|||1||\u00C3\u00A9\r"
            .getBytes(StandardCharsets.ISO_8859_1);
    assertThat(Hl7Message.parse(lookAlike).get("PID-5")).isEqualTo("\u00C3\u00A9");
  }

  @Test
  void charset_comes_from_bom_declaration_or_detection() {
    Hl7Message bom = Hl7Message.parse(Corpus.bytes("hl7v2/adt/msfc_ADT01-28_v251_bom.hl7"));
    assertThat(bom.charset().byteOrderMark()).isTrue();
    assertThat(bom.charset().source()).isEqualTo(Hl7Charset.Source.BYTE_ORDER_MARK);
    assertThat(bom.encode()).startsWith("MSH|");

    Hl7Message latin1 = Hl7Message.parse(Corpus.bytes("hl7v2/other/node_mfn_m02_v231_fr.hl7"));
    assertThat(latin1.charset().declared()).contains("8859/1");
    assertThat(latin1.charset().charset()).isEqualTo(StandardCharsets.ISO_8859_1);

    Hl7Message undeclared =
        Hl7Batch.split(Corpus.bytes("hl7v2/batch/hapi_example_oml_o21_x13.hl7")).messages().stream()
            .filter(m -> m.encode().contains("BARRIONUEVO"))
            .findFirst()
            .orElseThrow();
    assertThat(undeclared.charset().source()).isEqualTo(Hl7Charset.Source.DETECTED_UTF8);
    assertThat(undeclared.get("PID-5.2")).isEqualTo("RODOLFO SEBASTIÁN");

    byte[] latinBytes =
        "MSH|^~\\&|A|B|C|D|||ADT^A01|1|P|2.3\rPID|||1||MÜLLER\r"
            .getBytes(StandardCharsets.ISO_8859_1);
    Hl7Message fallback = Hl7Message.parse(latinBytes);
    assertThat(fallback.charset().source()).isEqualTo(Hl7Charset.Source.FALLBACK_LATIN1);
    assertThat(fallback.get("PID-5")).isEqualTo("MÜLLER");
    assertThat(fallback.toBytes()).isEqualTo(latinBytes);
  }

  @Test
  void mixed_terminators_and_blank_lines_are_kept_or_normalised() {
    String text = "MSH|^~\\&|A||||||ADT^A01|1|P|2.3\r\nEVN|A01\n\nPID|1\rPV1|1";
    Hl7Message message = Hl7Message.parse(text);
    assertThat(message.segmentCount()).isEqualTo(4);
    assertThat(message.encode()).isEqualTo(text);
    assertThat(message.encode(SegmentTerminator.CR))
        .isEqualTo("MSH|^~\\&|A||||||ADT^A01|1|P|2.3\rEVN|A01\rPID|1\rPV1|1\r");
    assertThat(message.encode(SegmentTerminator.CRLF)).endsWith("PV1|1\r\n");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      value = {
        "''; HL7-001",
        "'{CR}{LF}'; HL7-001",
        "PID|1; HL7-002",
        "MSH; HL7-003",
        "MSH||A; HL7-003",
        "MSH|^~\\&#xy|; HL7-004",
        "MSH|^~A&|; HL7-005",
        "MSH ^~\\&; HL7-005",
        "MSH|^~\\&|A|||||||1; HL7-006",
        "MSH|^~\\&|||||||ADT^A01{CR}pid|1; HL7-007",
        "MSH|^~\\&|||||||ADT^A01{CR}MSH|^~\\&|||||||ADT^A01; HL7-008",
      })
  void malformed_messages_are_refused_with_a_code(String text, String code) {
    String message = text.replace("{CR}", "\r").replace("{LF}", "\n");
    assertThatThrownBy(() -> Hl7Message.parse(message))
        .isInstanceOfSatisfying(Hl7ParseException.class, e -> assertThat(e.code()).isEqualTo(code));
  }

  @Test
  void to_string_holds_no_content() {
    assertThat(A03.toString()).doesNotContain("5520255").contains("ADT^A03");
    assertThat(A03.segment("PID").orElseThrow().toString()).isEqualTo("Segment[PID #2]");
  }

  @Test
  void timestamps_without_offset_take_the_assumed_zone() {
    Hl7Message message = Hl7Message.parse(SMALL.replace("20240301120000+0100", "202403011200"));
    assertThat(
            message.timestamp("MSH-7").orElseThrow().toOffsetDateTime(ZoneId.of("America/Chicago")))
        .isEqualTo(OffsetDateTime.of(2024, 3, 1, 12, 0, 0, 0, ZoneOffset.ofHours(-6)));
    assertThat(List.of(message.timestamp("MSH-7").orElseThrow().precision()))
        .containsExactly(Hl7Timestamp.Precision.MINUTE);
  }
}
