package com.practicestudio.hl7;

import java.time.Instant;

/**
 * The filter rules a new listener starts with: accept the message types Practice Studio applies
 * (ADT A01/A04/A08/A31/A40, SIU S12/S14/S15, ORU R01, DFT P03, MDM T02). Anything else is answered
 * AR until a rule accepts or ignores it.
 */
final class DefaultRules {

  private DefaultRules() {}

  static void insert(RuleRepository rules, long interfaceId, Instant now) {
    accept(
        rules,
        interfaceId,
        1,
        "ADT",
        "A01, A04, A08, A31, A40",
        "Patient registration, updates and merges",
        now);
    accept(rules, interfaceId, 2, "SIU", "S12, S14, S15", "Appointments", now);
    accept(rules, interfaceId, 3, "ORU", "R01", "Results", now);
    accept(rules, interfaceId, 4, "DFT", "P03", "Charges", now);
    accept(rules, interfaceId, 5, "MDM", "T02", "Documents", now);
  }

  private static void accept(
      RuleRepository rules,
      long interfaceId,
      int position,
      String type,
      String triggers,
      String description,
      Instant now) {
    rules.insert(
        interfaceId,
        position,
        new RuleRepository.Row(
            RuleKind.FILTER,
            RuleAction.ACCEPT,
            true,
            description,
            new RuleMatch(type, triggers, null, null, null),
            null,
            null,
            null,
            null,
            null),
        now);
  }
}
