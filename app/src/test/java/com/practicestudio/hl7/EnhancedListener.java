package com.practicestudio.hl7;

import java.util.List;

/**
 * An enhanced-mode listener whose reply sender delivers to an in-test peer, with a rule that
 * ignores ADT^A31 (so an A31 ends IGNORED: a success without side effects).
 */
final class EnhancedListener implements AutoCloseable {

  final ReceivingPeer replies;
  final Hl7Interface sender;
  final Hl7Interface listener;
  final int port;
  private final Hl7Interfaces interfaces;

  EnhancedListener(Hl7Interfaces interfaces, Hl7Rules rules, InterfaceRegistry registry)
      throws Exception {
    this.interfaces = interfaces;
    replies = new ReceivingPeer();
    TestInterfaces make = new TestInterfaces(interfaces, registry);
    sender = make.sender(replies.port(), List.of("ACK"), 3, 2_000);
    listener = make.listener("enhanced", null, sender.id(), null, null);
    port = make.port(listener);
    rules.create(listener.id(), TestInterfaces.ignoreFirst("ADT", "A31"));
  }

  @Override
  public void close() {
    interfaces.delete(listener.id());
    interfaces.delete(sender.id());
    replies.close();
  }
}
