package com.practicestudio.codemaps;

import java.time.Instant;

/**
 * One mapping: the Cerner {@code code} of {@code codeSystem} stands for the Practice Studio {@code
 * value}.
 *
 * @param scope the Cerner domain or interface it applies to; null for every one (the default)
 * @param codeSystem canonical spelling (see {@link CodeSystems})
 * @param code what Cerner sends: a code value, a raw {@code CD:nnn}, a display or alias text
 * @param preferred the code chosen when translating the value back to this code system
 */
public record CodeMap(
    long id,
    CodeMapKind kind,
    String scope,
    String codeSystem,
    String code,
    String value,
    String display,
    boolean preferred,
    Instant createdAt,
    Instant updatedAt) {}
