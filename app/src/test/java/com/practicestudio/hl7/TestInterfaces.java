package com.practicestudio.hl7;

import java.util.List;

/** Creates listener and sender interfaces with unique names for tests. */
final class TestInterfaces {

  private final Hl7Interfaces interfaces;
  private final InterfaceRegistry registry;

  TestInterfaces(Hl7Interfaces interfaces, InterfaceRegistry registry) {
    this.interfaces = interfaces;
    this.registry = registry;
  }

  /** A first filter rule that ignores {@code type^trigger}: the way tests get an IGNORED row. */
  static RuleInput ignoreFirst(String type, String trigger) {
    return new RuleInput(
        "filter",
        1,
        "ignore",
        true,
        null,
        new RuleMatch(type, trigger, null, null, null),
        null,
        null,
        null,
        null,
        null,
        null);
  }

  Hl7Interface listener(String ackMode, String ackTiming) {
    return listener(ackMode, ackTiming, null, null, null);
  }

  Hl7Interface listener(
      String ackMode,
      String ackTiming,
      Long replySenderId,
      Long applyTimeoutMillis,
      String charset) {
    return interfaces.create(
        new InterfaceInput(
            "t-" + Hl7Samples.unique(),
            "listener",
            true,
            new InterfaceInput.Listener(
                "127.0.0.1",
                0,
                null,
                null,
                ackMode,
                ackTiming,
                charset,
                64 * 1024,
                null,
                2_000L,
                null,
                applyTimeoutMillis,
                replySenderId),
            null,
            null));
  }

  Hl7Interface sender(int port, List<String> types, int maxAttempts, long ackTimeoutMillis) {
    return interfaces.create(
        new InterfaceInput(
            "s-" + Hl7Samples.unique(),
            "sender",
            true,
            null,
            new InterfaceInput.Sender(
                "127.0.0.1",
                port,
                null,
                2_000L,
                ackTimeoutMillis,
                new InterfaceInput.Retry(maxAttempts, 50L, 1.0, 100L),
                types),
            null));
  }

  int port(Hl7Interface itf) {
    return registry.boundPort(itf.name()).orElseThrow();
  }
}
