package com.practicestudio.mllp;

import java.util.Arrays;
import java.util.List;

/** TLS 1.2 and 1.3 only. */
final class TlsProtocols {
  private static final List<String> ALLOWED = List.of("TLSv1.3", "TLSv1.2");

  private TlsProtocols() {}

  /** The allowed protocols among the supported ones. */
  static String[] modern(String[] supported) {
    String[] enabled = Arrays.stream(supported).filter(ALLOWED::contains).toArray(String[]::new);
    if (enabled.length == 0) {
      throw new IllegalStateException(
          "the SSLContext supports neither TLSv1.3 nor TLSv1.2: " + Arrays.toString(supported));
    }
    return enabled;
  }
}
