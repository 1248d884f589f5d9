package com.practicestudio.journal;

/**
 * Thrown from deep inside a handler to end the attempt with a coded outcome, as if the handler had
 * returned {@link Outcome#retry} or {@link Outcome#failed}. The message is the code and text, so
 * the text must hold no PHI.
 */
public class ExchangeFailure extends RuntimeException {

  private final String code;
  private final String text;
  private final boolean retryable;

  private ExchangeFailure(String code, String text, boolean retryable, Throwable cause) {
    super(code + " " + text, cause);
    this.code = code;
    this.text = text;
    this.retryable = retryable;
  }

  /** Bad data: FAILED at once. */
  public static ExchangeFailure permanent(String code, String text) {
    return new ExchangeFailure(code, text, false, null);
  }

  /** Transient trouble: retried by the policy. */
  public static ExchangeFailure retryable(String code, String text, Throwable cause) {
    return new ExchangeFailure(code, text, true, cause);
  }

  public String code() {
    return code;
  }

  public String text() {
    return text;
  }

  public boolean isRetryable() {
    return retryable;
  }

  public Outcome toOutcome() {
    return retryable ? Outcome.retry(code, text) : Outcome.failed(code, text);
  }
}
