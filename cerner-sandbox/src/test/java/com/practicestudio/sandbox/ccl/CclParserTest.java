package com.practicestudio.sandbox.ccl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CclParserTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
      select p.person_id from person p where p.person_id = 1 go \
        | SELECT p.PERSON_ID FROM PERSON p WHERE (p.PERSON_ID = 1)
      SELECT P.Name_Last FROM Person P GO \
        | SELECT p.NAME_LAST FROM PERSON p
      select p.x from person p where p.a = 1 or p.b = 2 and not p.c = 3 go \
        | SELECT p.X FROM PERSON p WHERE ((p.A = 1) OR ((p.B = 2) AND (NOT (p.C = 3))))
      select name = p.name_last, p.birth_dt_tm as dob, cnvtupper(p.name_first) from person p go \
        | SELECT p.NAME_LAST AS NAME, p.BIRTH_DT_TM AS DOB, CNVTUPPER(p.NAME_FIRST) FROM PERSON p
      select p.person_id from person p, person_alias pa plan pa where pa.alias = $mrn join p where p.person_id = pa.person_id order by p.person_id desc with nocounter, maxrec = 5 go \
        | SELECT p.PERSON_ID FROM PERSON p, PERSON_ALIAS pa PLAN pa WHERE (pa.ALIAS = $mrn) JOIN p WHERE (p.PERSON_ID = pa.PERSON_ID) ORDER BY p.PERSON_ID DESC MAXREC 5
      SELECT CV.DISPLAY FROM CODE_VALUE CV, PERSON P PLAN (CV WHERE CV.CODE_SET = 57) JOIN (P WHERE P.SEX_CD = CV.CODE_VALUE) GO \
        | SELECT cv.DISPLAY FROM CODE_VALUE cv, PERSON p PLAN cv WHERE (cv.CODE_SET = 57) JOIN p WHERE (p.SEX_CD = cv.CODE_VALUE)
      select p.a from person p where p.a in (1, 2, 3) and p.b not between 1 and 2 and p.c is not null and p.d != null go \
        | SELECT p.A FROM PERSON p WHERE ((((p.A IN (1, 2, 3)) AND (p.B NOT BETWEEN 1 AND 2)) AND (p.C IS NOT NULL)) AND (p.D != NULL))
      select p.a from person p where cnvtupper(p.name_last) = "SMITH" and p.x <> 'a;b' and p.y >= sysdate - 30 * -2 go \
        | SELECT p.A FROM PERSON p WHERE (((CNVTUPPER(p.NAME_LAST) = 'SMITH') AND (p.X != 'a;b')) AND (p.Y >= (SYSDATE - (30 * (-2)))))
      select distinct e.person_id from encounter e order by e.person_id, e.reg_dt_tm desc go \
        | SELECT DISTINCT e.PERSON_ID FROM ENCOUNTER e ORDER BY e.PERSON_ID, e.REG_DT_TM DESC
      select code_value.display from code_value where code_value.code_set = 4 go \
        | SELECT code_value.DISPLAY FROM CODE_VALUE code_value WHERE (code_value.CODE_SET = 4)
      select /* a comment */ p.x ; to the end of the line\\n from person p go \
        | SELECT p.X FROM PERSON p
      select p.x from person p where (p.a = 1 or p.b = 2) and p.c = 3.25 go \
        | SELECT p.X FROM PERSON p WHERE (((p.A = 1) OR (p.B = 2)) AND (p.C = 3.25))
      """)
  void valid_statements_parse_into_the_expected_shape(String text, String shape)
      throws CclException {
    CclScript script = CclParser.parse(text.replace("\\n", "\n"));
    assertThat(script.selects()).hasSize(1);
    assertThat(AstText.of(script.selects().get(0))).isEqualTo(shape);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
      select p.x person p go                                  | SYNTAX      | 1:12 | expected FROM but found person
      select p.x from person p where go                       | SYNTAX      | 1:32 | expected an expression but found go
      select p.x\\nfrom person p\\nwhere p.a = 'open go       | SYNTAX      | 3:13 | unterminated string
      select p.x from person p /* never closed                | SYNTAX      | 1:26 | unterminated comment
      select p.x from person p where p.a = 1                  | SYNTAX      | 1:39 | expected GO but found the end of the text
      select p.x from person p where p.a = @ go               | SYNTAX      | 1:38 | unexpected character '@'
      select p.x from person p where p.a in (1, 2 go          | SYNTAX      | 1:45 | expected ')' but found go
      select p.x from person p plan p where p.a = 1 where p.b = 2 go | SYNTAX | 1:47 | a query with PLAN takes its conditions in the PLAN and JOIN steps
      ; comment\\n/* block\\n comment */\\nselect p.x\\nfrom person p\\nwhere p.a = = 1 go | SYNTAX | 6:13 | expected an expression but found =
      select p.x from person p with maxrec = 2.5 go           | SYNTAX      | 1:40 | expected a whole number after MAXREC = but found number 2.5
      select p.x from person p with maxrec = 99999999999 go   | SYNTAX      | 1:40 | expected a whole number after MAXREC = but found number 99999999999
      ``                                                      | SYNTAX      | 1:1  | the text holds no CCL command
      declare x = i4 go                                       | UNSUPPORTED | 1:1  | unsupported construct DECLARE
      select into "nl:" p.x from person p go                  | UNSUPPORTED | 1:8  | unsupported construct SELECT INTO
      select * from person p go                               | UNSUPPORTED | 1:8  | unsupported construct SELECT * (name the columns)
      select p.x from person p detail x go                    | UNSUPPORTED | 1:26 | unsupported construct DETAIL (report writer section)
      select p.x from person p with time = 10 go              | UNSUPPORTED | 1:31 | unsupported construct WITH TIME
      select p.x from (dummyt d with seq = 1) go              | UNSUPPORTED | 1:17 | unsupported construct ( in FROM (DUMMYT or inline joins)
      select reply->status from person p go                   | UNSUPPORTED | 1:8  | unsupported construct record reference reply->
      drop table person go                                    | UNSUPPORTED | 1:6  | unsupported construct DROP TABLE
      """)
  void invalid_statements_fail_with_line_and_column(
      String text, CclException.Kind kind, String position, String message) {
    CclException error =
        catchThrowableOfType(CclException.class, () -> CclParser.parse(text.replace("\\n", "\n")));
    assertThat(error).as("no error for %s", text).isNotNull();
    assertThat(error.kind()).isEqualTo(kind);
    assertThat(error.pos()).hasToString(position);
    assertThat(error.detail()).isEqualTo(message);
    assertThat(error.getMessage()).isEqualTo(message + " at " + position);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      drop program ps_x go create program ps_x select p.x from person p with nocounter end go | ps_x
      drop program ps_x:dba go\\ncreate program ps_x:dba\\n/** doc */\\nselect p.x from person p\\nend\\ngo | ps_x
      """)
  void programs_hold_their_select(String text, String name) throws CclException {
    CclScript script = CclParser.parse(text.replace("\\n", "\n"));
    assertThat(script.selects()).isEmpty();
    assertThat(script.programs())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.name()).isEqualTo(name);
              assertThat(AstText.of(p.body().get(0))).isEqualTo("SELECT p.X FROM PERSON p");
            });
  }
}
