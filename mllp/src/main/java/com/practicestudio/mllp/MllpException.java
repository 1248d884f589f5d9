package com.practicestudio.mllp;

import java.io.IOException;

/** An MLLP failure with its stable {@link MllpError}. The message never holds message content. */
public final class MllpException extends IOException {
  private static final long serialVersionUID = 1L;

  private final MllpError error;

  public MllpException(MllpError error, String detail) {
    super(format(error, detail));
    this.error = error;
  }

  public MllpException(MllpError error, String detail, Throwable cause) {
    super(format(error, detail), cause);
    this.error = error;
  }

  public MllpError error() {
    return error;
  }

  private static String format(MllpError error, String detail) {
    String base = error.code() + ": " + error.description();
    return detail == null || detail.isEmpty() ? base : base + " (" + detail + ")";
  }
}
