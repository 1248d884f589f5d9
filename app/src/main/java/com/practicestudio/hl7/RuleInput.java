package com.practicestudio.hl7;

/**
 * A rule as a client writes it; see {@link Hl7Rule}.
 *
 * @param kind {@code filter} or {@code transform}
 * @param position where it goes among the rules of its kind (1 = first); left out = last. The rules
 *     at and after it move down one.
 * @param version on update: the version read (optional; a stale one is refused with 409)
 */
public record RuleInput(
    String kind,
    Integer position,
    String action,
    Boolean enabled,
    String description,
    RuleMatch match,
    String targetPath,
    String sourcePath,
    String value,
    String codeMapKind,
    String codeSystem,
    Integer version) {}
