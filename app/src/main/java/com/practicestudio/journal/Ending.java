package com.practicestudio.journal;

/** The status, event kind, code and text an outcome leads to under a retry policy. */
record Ending(ExchangeStatus status, String kind, String code, String text) {

  static Ending of(Exchange e, Outcome outcome, boolean retriesLeft) {
    if (outcome instanceof Outcome.Done) {
      ExchangeStatus done = e.direction().done();
      return new Ending(done, done.name(), null, null);
    }
    if (outcome instanceof Outcome.Ignored i) {
      return new Ending(ExchangeStatus.IGNORED, "IGNORED", null, i.reason());
    }
    if (outcome instanceof Outcome.Retry r && retriesLeft) {
      return new Ending(e.direction().waiting(), "RETRY", r.code(), r.text());
    }
    if (outcome instanceof Outcome.Retry r) {
      return new Ending(ExchangeStatus.FAILED, "FAILED", r.code(), r.text());
    }
    Outcome.Failed f = (Outcome.Failed) outcome;
    return new Ending(ExchangeStatus.FAILED, "FAILED", f.code(), f.text());
  }

  /** What a dry run reports: the status, or RETRY. */
  String reported() {
    return status.waiting() ? "RETRY" : status.name();
  }
}
