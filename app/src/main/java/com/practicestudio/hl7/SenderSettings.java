package com.practicestudio.hl7;

import java.util.List;

/**
 * An MLLP sender's settings.
 *
 * @param host the peer's host name or address
 * @param port the peer's port
 * @param connectTimeoutMillis TCP connect and TLS handshake
 * @param ackTimeoutMillis from the end of sending to the end of the answer
 * @param retry how often and how far apart a message that was not acknowledged is sent again before
 *     it goes to the error queue
 * @param messageTypes the outbound message types this sender carries, e.g. {@code SIU} for
 *     appointment messages; application ACKs go through the sender a listener names
 */
public record SenderSettings(
    String host,
    int port,
    TlsSettings tls,
    long connectTimeoutMillis,
    long ackTimeoutMillis,
    RetrySettings retry,
    List<String> messageTypes) {

  public SenderSettings {
    messageTypes = messageTypes == null ? List.of() : List.copyOf(messageTypes);
    tls = tls == null ? TlsSettings.OFF : tls;
  }

  public boolean carries(String messageType) {
    return messageTypes.stream().anyMatch(t -> t.equalsIgnoreCase(messageType));
  }
}
