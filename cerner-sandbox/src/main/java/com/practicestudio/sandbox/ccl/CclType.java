package com.practicestudio.sandbox.ccl;

/**
 * Value types, named as CCL names them: F8 numbers (ids, codes, indicators; a Double), VC strings,
 * DQ8 date-times (an Instant, UTC); TM a time of day (CURTIME, CURTIME3; a LocalTime), BOOL for
 * conditions and NULL for a null literal or parameter.
 */
enum CclType {
  F8,
  VC,
  DQ8,
  TM,
  BOOL,
  NULL;

  /** Whether values of the two types can be compared (a string and a number compare as numbers). */
  static boolean comparable(CclType a, CclType b) {
    if (a == NULL || b == NULL || a == b) {
      return a != BOOL && b != BOOL;
    }
    return (a == F8 && b == VC) || (a == VC && b == F8);
  }
}
