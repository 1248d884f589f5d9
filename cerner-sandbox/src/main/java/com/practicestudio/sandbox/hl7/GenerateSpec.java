package com.practicestudio.sandbox.hl7;

import java.util.List;
import java.util.Objects;

/**
 * What to generate from the seeded domain: a message type, how many, and optionally whose. With no
 * patients or MRNs given the subjects (encounters, appointments, merges, documents…) are drawn in a
 * shuffled order fixed by {@code seed} (the sandbox's seed when null); with patients given, their
 * subjects are used in id order. When {@code count} exceeds the subjects, they are used again (with
 * new control ids).
 *
 * @param kind the message type
 * @param count how many messages, 1 to 10,000
 * @param patients PERSON_IDs (FHIR Patient ids) to draw from, empty for any
 * @param mrns MRNs to draw from, empty for any
 * @param seed the shuffle seed, or null for the sandbox's
 */
public record GenerateSpec(
    MessageKind kind, int count, List<Long> patients, List<String> mrns, Long seed) {

  public static final int MAX_COUNT = 10_000;

  public GenerateSpec {
    Objects.requireNonNull(kind, "kind");
    if (count < 1 || count > MAX_COUNT) {
      throw new IllegalArgumentException("count must be 1 to " + MAX_COUNT + ", was " + count);
    }
    patients = patients == null ? List.of() : List.copyOf(patients);
    mrns = mrns == null ? List.of() : List.copyOf(mrns);
  }

  /** {@code count} messages of {@code type} (e.g. {@code ADT^A04}) about any patients. */
  public static GenerateSpec of(String type, int count) {
    return new GenerateSpec(MessageKind.of(type), count, List.of(), List.of(), null);
  }

  /** The same, about these patients (PERSON_IDs) only. */
  public GenerateSpec forPatients(Long... personIds) {
    return new GenerateSpec(kind, count, List.of(personIds), mrns, seed);
  }

  /** The same, about the patients with these MRNs only. */
  public GenerateSpec forMrns(String... values) {
    return new GenerateSpec(kind, count, patients, List.of(values), seed);
  }

  public GenerateSpec withSeed(long value) {
    return new GenerateSpec(kind, count, patients, mrns, value);
  }
}
