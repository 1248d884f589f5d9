package com.practicestudio.codemaps;

/** A mapping as a client writes it (API body, CSV row). */
public record CodeMapInput(
    String kind,
    String scope,
    String codeSystem,
    String code,
    String value,
    String display,
    Boolean preferred) {}
