package com.practicestudio.hl7;

import java.util.List;

/**
 * An interface as a client writes it. Fields left out take their defaults; on update, a key store
 * password left out keeps the stored one and an empty one removes it.
 *
 * @param kind {@code listener} or {@code sender}
 * @param listener required for a listener
 * @param sender required for a sender
 * @param version on update: the version read (optional; a stale one is refused with 409)
 */
public record InterfaceInput(
    String name, String kind, Boolean enabled, Listener listener, Sender sender, Integer version) {

  /** See {@link ListenerSettings}; timeouts in milliseconds. */
  public record Listener(
      String bindAddress,
      Integer port,
      Tls tls,
      List<String> allowlist,
      String ackMode,
      String ackTiming,
      String charset,
      Integer maxFrameSize,
      Long receiveTimeoutMillis,
      Long readTimeoutMillis,
      Long idleTimeoutMillis,
      Long applyTimeoutMillis,
      Long replySenderId) {}

  /** See {@link SenderSettings}; timeouts in milliseconds. */
  public record Sender(
      String host,
      Integer port,
      Tls tls,
      Long connectTimeoutMillis,
      Long ackTimeoutMillis,
      Retry retry,
      List<String> messageTypes) {}

  /** See {@link TlsSettings}. */
  public record Tls(
      Boolean enabled,
      String keystorePath,
      String keystorePassword,
      String clientAuth,
      Boolean verifyHostname) {}

  /** See {@link RetrySettings}. */
  public record Retry(
      Integer maxAttempts, Long initialBackoffMillis, Double multiplier, Long maxBackoffMillis) {}
}
