package com.practicestudio.hl7.inbound;

import java.util.Optional;

/**
 * Tells listeners of record events (appointment changes, new observations) that the change they see
 * comes from an inbound HL7 message being applied on this thread, so that, for instance, the
 * outbound SIU feed does not echo back to Cerner what Cerner just sent.
 */
public final class InboundChanges {

  private static final ThreadLocal<String> SOURCE = new ThreadLocal<>();

  private InboundChanges() {}

  /** The source ({@code HL7 SIU^S12}) of the inbound message being applied now, if any. */
  public static Optional<String> source() {
    return Optional.ofNullable(SOURCE.get());
  }

  /** Marks this thread as applying {@code source} until the returned scope is closed. */
  static Scope open(String source) {
    String before = SOURCE.get();
    SOURCE.set(source);
    return () -> {
      if (before == null) {
        SOURCE.remove();
      } else {
        SOURCE.set(before);
      }
    };
  }

  /** Ends the mark; never throws. */
  interface Scope extends AutoCloseable {
    @Override
    void close();
  }
}
