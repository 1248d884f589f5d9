package com.practicestudio.clinical;

/** A document's kind: a LOINC document code and its display text. */
public record DocumentType(String code, String display) {}
