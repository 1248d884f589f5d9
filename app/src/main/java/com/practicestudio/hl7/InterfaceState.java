package com.practicestudio.hl7;

/**
 * What this node is doing with an interface now.
 *
 * @param status {@code listening}, {@code failed} (see the error), {@code disabled} for listeners;
 *     {@code ready}, {@code disabled} for senders
 * @param boundPort the port a listener is bound to (differs from the setting when that is 0)
 * @param connections open connections of a listener
 * @param errorCode why a listener is not listening, e.g. {@code HL7-065}
 * @param error the reason in words (no secrets)
 */
public record InterfaceState(
    String status, Integer boundPort, Integer connections, String errorCode, String error) {

  static final InterfaceState DISABLED = new InterfaceState("disabled", null, null, null, null);
  static final InterfaceState READY = new InterfaceState("ready", null, null, null, null);
  static final InterfaceState PENDING = new InterfaceState("starting", null, null, null, null);

  static InterfaceState listening(int port, int connections) {
    return new InterfaceState("listening", port, connections, null, null);
  }

  static InterfaceState failed(Hl7InterfaceError error, String detail) {
    return new InterfaceState("failed", null, null, error.code(), error.text() + ": " + detail);
  }
}
