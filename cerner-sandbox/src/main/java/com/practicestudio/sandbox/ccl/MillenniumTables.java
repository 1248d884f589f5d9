package com.practicestudio.sandbox.ccl;

import static com.practicestudio.sandbox.ccl.CclType.DQ8;
import static com.practicestudio.sandbox.ccl.CclType.F8;
import static com.practicestudio.sandbox.ccl.CclType.VC;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The Millennium tables the sandbox's CCL reads, with their columns as Millennium names them. Rows
 * come from the seeded domain at the moment a query runs (see {@link TableRows}).
 */
final class MillenniumTables {

  private MillenniumTables() {}

  /** Millennium's "no end" date-time for effective ranges: 31-DEC-2100 00:00:00. */
  static final Instant END_OF_TIME = Instant.parse("2100-12-31T00:00:00Z");

  static final TableDef PERSON =
      TableDef.of(
          "PERSON",
          "PERSON_ID",
          F8,
          "NAME_LAST",
          VC,
          "NAME_FIRST",
          VC,
          "NAME_MIDDLE",
          VC,
          "NAME_LAST_KEY",
          VC,
          "NAME_FIRST_KEY",
          VC,
          "NAME_FULL_FORMATTED",
          VC,
          "BIRTH_DT_TM",
          DQ8,
          "SEX_CD",
          F8,
          "RACE_CD",
          F8,
          "ETHNIC_GRP_CD",
          F8,
          "LANGUAGE_CD",
          F8,
          "MARITAL_TYPE_CD",
          F8,
          "ACTIVE_IND",
          F8,
          "BEG_EFFECTIVE_DT_TM",
          DQ8,
          "END_EFFECTIVE_DT_TM",
          DQ8,
          "UPDT_DT_TM",
          DQ8,
          "UPDT_CNT",
          F8);

  static final TableDef PERSON_ALIAS =
      TableDef.of(
          "PERSON_ALIAS",
          "PERSON_ALIAS_ID",
          F8,
          "PERSON_ID",
          F8,
          "ALIAS",
          VC,
          "ALIAS_POOL_CD",
          F8,
          "PERSON_ALIAS_TYPE_CD",
          F8,
          "ACTIVE_IND",
          F8,
          "BEG_EFFECTIVE_DT_TM",
          DQ8,
          "END_EFFECTIVE_DT_TM",
          DQ8);

  static final TableDef ADDRESS =
      TableDef.of(
          "ADDRESS",
          "ADDRESS_ID",
          F8,
          "PARENT_ENTITY_NAME",
          VC,
          "PARENT_ENTITY_ID",
          F8,
          "ADDRESS_TYPE_CD",
          F8,
          "ADDRESS_TYPE_SEQ",
          F8,
          "STREET_ADDR",
          VC,
          "STREET_ADDR2",
          VC,
          "CITY",
          VC,
          "STATE",
          VC,
          "ZIPCODE",
          VC,
          "COUNTRY",
          VC,
          "ACTIVE_IND",
          F8,
          "BEG_EFFECTIVE_DT_TM",
          DQ8,
          "END_EFFECTIVE_DT_TM",
          DQ8);

  static final TableDef PHONE =
      TableDef.of(
          "PHONE",
          "PHONE_ID",
          F8,
          "PARENT_ENTITY_NAME",
          VC,
          "PARENT_ENTITY_ID",
          F8,
          "PHONE_TYPE_CD",
          F8,
          "PHONE_TYPE_SEQ",
          F8,
          "PHONE_NUM",
          VC,
          "PHONE_NUM_KEY",
          VC,
          "ACTIVE_IND",
          F8,
          "BEG_EFFECTIVE_DT_TM",
          DQ8,
          "END_EFFECTIVE_DT_TM",
          DQ8);

  static final TableDef ENCOUNTER =
      TableDef.of(
          "ENCOUNTER",
          "ENCNTR_ID",
          F8,
          "PERSON_ID",
          F8,
          "ENCNTR_TYPE_CD",
          F8,
          "ENCNTR_TYPE_CLASS_CD",
          F8,
          "ENCNTR_STATUS_CD",
          F8,
          "REG_DT_TM",
          DQ8,
          "DISCH_DT_TM",
          DQ8,
          "LOC_FACILITY_CD",
          F8,
          "LOCATION_CD",
          F8,
          "ACTIVE_IND",
          F8,
          "BEG_EFFECTIVE_DT_TM",
          DQ8,
          "END_EFFECTIVE_DT_TM",
          DQ8,
          "UPDT_DT_TM",
          DQ8);

  static final TableDef ENCNTR_ALIAS =
      TableDef.of(
          "ENCNTR_ALIAS",
          "ENCNTR_ALIAS_ID",
          F8,
          "ENCNTR_ID",
          F8,
          "ALIAS",
          VC,
          "ALIAS_POOL_CD",
          F8,
          "ENCNTR_ALIAS_TYPE_CD",
          F8,
          "ACTIVE_IND",
          F8,
          "BEG_EFFECTIVE_DT_TM",
          DQ8,
          "END_EFFECTIVE_DT_TM",
          DQ8);

  static final TableDef SCH_EVENT =
      TableDef.of(
          "SCH_EVENT",
          "SCH_EVENT_ID",
          F8,
          "APPT_TYPE_CD",
          F8,
          "SCH_STATE_CD",
          F8,
          "SCH_MEANING",
          VC,
          "APPT_REASON_FREE",
          VC,
          "ACTIVE_IND",
          F8,
          "VERSION_DT_TM",
          DQ8,
          "UPDT_CNT",
          F8);

  static final TableDef SCH_APPT =
      TableDef.of(
          "SCH_APPT",
          "SCH_APPT_ID",
          F8,
          "SCH_EVENT_ID",
          F8,
          "PERSON_ID",
          F8,
          "ENCNTR_ID",
          F8,
          "RESOURCE_CD",
          F8,
          "ROLE_MEANING",
          VC,
          "PRIMARY_ROLE_IND",
          F8,
          "BEG_DT_TM",
          DQ8,
          "END_DT_TM",
          DQ8,
          "DURATION",
          F8,
          "SCH_STATE_CD",
          F8,
          "STATE_MEANING",
          VC,
          "APPT_LOCATION_CD",
          F8,
          "ACTIVE_IND",
          F8,
          "VERSION_DT_TM",
          DQ8);

  static final TableDef CODE_VALUE =
      TableDef.of(
          "CODE_VALUE",
          "CODE_VALUE",
          F8,
          "CODE_SET",
          F8,
          "DISPLAY",
          VC,
          "DISPLAY_KEY",
          VC,
          "DESCRIPTION",
          VC,
          "CDF_MEANING",
          VC,
          "ACTIVE_IND",
          F8,
          "BEGIN_EFFECTIVE_DT_TM",
          DQ8,
          "END_EFFECTIVE_DT_TM",
          DQ8);

  static final Map<String, TableDef> ALL =
      List.of(
              PERSON,
              PERSON_ALIAS,
              ADDRESS,
              PHONE,
              ENCOUNTER,
              ENCNTR_ALIAS,
              SCH_EVENT,
              SCH_APPT,
              CODE_VALUE)
          .stream()
          .collect(
              Collectors.toMap(
                  TableDef::name, Function.identity(), (a, b) -> a, java.util.TreeMap::new));
}
