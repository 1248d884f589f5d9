package com.practicestudio.hl7;

import java.util.List;

/**
 * An MLLP listener's settings. Timeouts are named by phase, as in {@code mllp}'s {@code
 * ListenerOptions}.
 *
 * @param bindAddress the local address to listen on; null = all interfaces
 * @param port the TCP port; 0 = any free port (the bound port is in the interface's state)
 * @param allowlist peer addresses or CIDR blocks allowed to connect; null = everyone
 * @param ackMode {@code original} or {@code enhanced} (see {@link AckMode})
 * @param ackTiming {@code after-store} or {@code after-apply} (see {@link AckTiming})
 * @param charset an HL7 charset name (MSH-18 style, e.g. {@code 8859/1}, {@code UNICODE UTF-8})
 *     that overrides what the messages declare; null = as the message says
 * @param maxFrameSize the largest message accepted, in bytes
 * @param receiveTimeoutMillis after connecting: TLS handshake and first byte
 * @param readTimeoutMillis inside a frame: the longest pause between two reads
 * @param idleTimeoutMillis a connection without traffic is closed after this; 0 = never
 * @param applyTimeoutMillis with {@code after-apply}: the longest wait for the worker's outcome
 * @param replySenderId the sender that carries enhanced-mode application ACKs; required in enhanced
 *     mode; null = none
 */
public record ListenerSettings(
    String bindAddress,
    int port,
    TlsSettings tls,
    List<String> allowlist,
    AckMode ackMode,
    AckTiming ackTiming,
    String charset,
    int maxFrameSize,
    long receiveTimeoutMillis,
    long readTimeoutMillis,
    long idleTimeoutMillis,
    long applyTimeoutMillis,
    Long replySenderId) {

  public static final int DEFAULT_MAX_FRAME_SIZE = 10 * 1024 * 1024;

  public ListenerSettings {
    allowlist = allowlist == null ? null : List.copyOf(allowlist);
    tls = tls == null ? TlsSettings.OFF : tls;
  }

  /** The settings a listener restarts for (bind, TLS, allowlist, limits, timeouts). */
  NetworkPart network(String keystorePasswordSeal) {
    return new NetworkPart(
        bindAddress,
        port,
        tls,
        keystorePasswordSeal,
        allowlist,
        maxFrameSize,
        receiveTimeoutMillis,
        readTimeoutMillis,
        idleTimeoutMillis,
        applyTimeoutMillis);
  }

  /** Compared to decide whether a running listener must be rebound. */
  record NetworkPart(
      String bindAddress,
      int port,
      TlsSettings tls,
      String keystorePasswordSeal,
      List<String> allowlist,
      int maxFrameSize,
      long receiveTimeoutMillis,
      long readTimeoutMillis,
      long idleTimeoutMillis,
      long applyTimeoutMillis) {}
}
