package com.practicestudio.hl7;

import java.time.Instant;

/**
 * One HL7 v2 interface: an MLLP listener (messages in) or an MLLP sender (messages out).
 *
 * @param name unique, never changes: inbound journal rows name it as their {@code endpoint}, and
 *     outbound rows name the sender they go through
 * @param listener the listener's settings; null for a sender
 * @param sender the sender's settings; null for a listener
 * @param state what this node's copy of the interface is doing now (not stored)
 * @param version optimistic-locking version; send it back on updates
 */
public record Hl7Interface(
    long id,
    String name,
    InterfaceKind kind,
    boolean enabled,
    ListenerSettings listener,
    SenderSettings sender,
    InterfaceState state,
    int version,
    Instant createdAt,
    Instant updatedAt) {

  Hl7Interface withState(InterfaceState value) {
    return new Hl7Interface(
        id, name, kind, enabled, listener, sender, value, version, createdAt, updatedAt);
  }
}
