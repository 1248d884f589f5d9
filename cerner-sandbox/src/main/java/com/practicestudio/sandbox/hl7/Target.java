package com.practicestudio.sandbox.hl7;

import java.util.Objects;

/** Where the peer sends: an MLLP listener's host and port. */
public record Target(String host, int port) {

  public Target {
    Objects.requireNonNull(host, "host");
    if (host.isBlank()) {
      throw new IllegalArgumentException("host must not be blank");
    }
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("port must be 1 to 65535, was " + port);
    }
  }

  public static Target of(String host, int port) {
    return new Target(host, port);
  }

  /** {@code localhost} on this port. */
  public static Target local(int port) {
    return new Target("localhost", port);
  }

  @Override
  public String toString() {
    return host + ":" + port;
  }
}
