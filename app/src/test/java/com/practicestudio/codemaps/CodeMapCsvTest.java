package com.practicestudio.codemaps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.practicestudio.web.InvalidRequestException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CodeMapCsvTest {

  @Test
  void reads_rows_with_the_line_each_starts_on() {
    String csv =
        """
        kind,scope,codeSystem,code,value,display,preferred
        gender,,57,Female,F,Female,true

        language,north,36,"Spanish,
        Castilian",es,,no
        race,,282,White,2106-3,,
        """;
    CodeMapCsv.Parsed parsed = CodeMapCsv.parse(csv);
    assertThat(parsed.errors()).isEmpty();
    assertThat(parsed.rows()).extracting(CodeMapCsv.Row::line).containsExactly(2L, 4L, 6L);
    CodeMapInput spanish = parsed.rows().get(1).input();
    assertThat(spanish.scope()).isEqualTo("north");
    assertThat(spanish.code()).isEqualTo("Spanish,\nCastilian");
    assertThat(spanish.preferred()).isFalse();
    assertThat(parsed.rows().get(0).input().scope()).isNull();
    assertThat(parsed.rows().get(2).input().preferred()).isNull();
  }

  @Test
  void columns_may_come_in_any_order_and_optional_ones_may_be_missing() {
    String csv = "value,code,codeSystem,kind\r\nM,Male,57,gender\r\n";
    CodeMapInput row = CodeMapCsv.parse(csv).rows().get(0).input();
    assertThat(row.kind()).isEqualTo("gender");
    assertThat(row.code()).isEqualTo("Male");
    assertThat(row.value()).isEqualTo("M");
    assertThat(row.display()).isNull();
  }

  @Test
  void a_bad_boolean_is_reported_with_its_line_and_the_rest_goes_on() {
    String csv = "kind,codeSystem,code,value,preferred\ngender,57,F,F,maybe\ngender,57,M,M,true\n";
    CodeMapCsv.Parsed parsed = CodeMapCsv.parse(csv);
    assertThat(parsed.errors())
        .containsExactly(new ImportReport.RowError(2, "preferred", "must be true or false"));
    assertThat(parsed.rows()).hasSize(1);
  }

  @Test
  void a_file_without_the_required_header_is_refused_naming_the_file() {
    assertThatThrownBy(() -> CodeMapCsv.parse("gender,57,F,F\n"))
        .isInstanceOf(InvalidRequestException.class)
        .satisfies(
            e ->
                assertThat(((InvalidRequestException) e).problems().get(0).field())
                    .isEqualTo("file"));
  }

  @Test
  void a_byte_order_mark_is_ignored() {
    String csv = "\uFEFFkind,codeSystem,code,value\ngender,57,F,F\n";
    assertThat(CodeMapCsv.parse(csv).rows()).hasSize(1);
  }

  @Test
  void what_it_writes_it_reads_back() {
    List<CodeMap> maps =
        List.of(
            new CodeMap(
                1,
                CodeMapKind.GENDER,
                null,
                "57",
                "Female",
                "F",
                "Female",
                true,
                Instant.EPOCH,
                Instant.EPOCH),
            new CodeMap(
                2,
                CodeMapKind.APPOINTMENT_TYPE,
                "north",
                "14249",
                "Visit, \"new\"",
                "new-patient",
                null,
                false,
                Instant.EPOCH,
                Instant.EPOCH));
    CodeMapCsv.Parsed parsed = CodeMapCsv.parse(CodeMapCsv.write(maps));
    assertThat(parsed.errors()).isEmpty();
    assertThat(parsed.rows())
        .extracting(CodeMapCsv.Row::input)
        .containsExactly(
            new CodeMapInput("gender", null, "57", "Female", "F", "Female", true),
            new CodeMapInput(
                "appointment-type",
                "north",
                "14249",
                "Visit, \"new\"",
                "new-patient",
                null,
                false));
  }
}
