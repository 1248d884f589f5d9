package com.practicestudio.hl7;

/**
 * When a rule applies: every condition given must hold; a rule without conditions always applies.
 * Lists are comma-separated and compared ignoring case; {@code *} means any.
 *
 * @param messageType MSH-9.1, e.g. {@code ADT} or {@code ADT, SIU}
 * @param triggerEvent MSH-9.2, e.g. {@code A01, A04, A08}
 * @param sendingFacility MSH-4.1, e.g. {@code HOSP}
 * @param fieldPath a field path, e.g. {@code PV1-2} or {@code PID-3(1).5}
 * @param fieldValue the value the field must have; left out = the field must be valued; {@code ""}
 *     (two double quotes) = the field holds the explicit null
 */
public record RuleMatch(
    String messageType,
    String triggerEvent,
    String sendingFacility,
    String fieldPath,
    String fieldValue) {

  public static final RuleMatch ANY = new RuleMatch(null, null, null, null, null);
}
