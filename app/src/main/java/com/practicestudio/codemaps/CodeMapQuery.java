package com.practicestudio.codemaps;

/** Code map list filters; null matches everything. {@code code} matches case-insensitively. */
public record CodeMapQuery(
    CodeMapKind kind, String scope, String codeSystem, String code, String value) {

  public static CodeMapQuery all() {
    return new CodeMapQuery(null, null, null, null, null);
  }
}
