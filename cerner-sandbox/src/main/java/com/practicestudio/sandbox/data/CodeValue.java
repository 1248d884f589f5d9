package com.practicestudio.sandbox.data;

/**
 * A Millennium code value: a row of code set {@code codeSet} with its numeric code value, display
 * and CDF meaning. On the FHIR side it becomes a coding in {@code
 * https://fhir.cerner.com/{tenant}/codeSet/{codeSet}}.
 */
public record CodeValue(int codeSet, long value, String display, String meaning) {}
