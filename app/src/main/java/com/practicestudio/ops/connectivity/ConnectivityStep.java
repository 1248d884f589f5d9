package com.practicestudio.ops.connectivity;

/**
 * One step of a connectivity test.
 *
 * @param name {@code dns}, {@code tcp}, {@code tls}, {@code discovery}, {@code token}, {@code
 *     capability-statement}, {@code sample-read}
 * @param ok whether the step passed (a skipped step did not)
 * @param millis how long it took
 * @param detail what happened, in plain words (no PHI: no response bodies)
 * @param hint what to do about a failure (or a warning on success), null when nothing to say
 * @param skipped true when an earlier step failed and this one did not run
 */
public record ConnectivityStep(
    String name, boolean ok, long millis, String detail, String hint, boolean skipped) {

  static ConnectivityStep skipped(String name) {
    return new ConnectivityStep(name, false, 0, "skipped: an earlier step failed", null, true);
  }
}
