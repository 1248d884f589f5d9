package com.practicestudio.mllp;

import java.time.Duration;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * Where and how {@link MllpSender} sends.
 *
 * @param host the peer's host name or address
 * @param port the peer's port
 * @param connectTimeout for the TCP connect and, with TLS, the handshake
 * @param ackTimeout from the end of sending a message to the end of its answer frame ({@link
 *     MllpError#ACK_TIMEOUT})
 * @param maxFrameSize the largest answer accepted, in bytes
 * @param tls the caller's SSLContext for TLS 1.2+, or null for plain TCP
 * @param verifyHostname with TLS: the peer's certificate must name {@code host}
 * @param reconnect connection attempts and back-off
 */
public record SenderOptions(
    String host,
    int port,
    Duration connectTimeout,
    Duration ackTimeout,
    int maxFrameSize,
    SSLContext tls,
    boolean verifyHostname,
    ReconnectPolicy reconnect) {

  public SenderOptions {
    Objects.requireNonNull(host, "host");
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port must be in 1..65535, was " + port);
    }
    requirePositive("connectTimeout", connectTimeout);
    requirePositive("ackTimeout", ackTimeout);
    if (maxFrameSize < 1) {
      throw new IllegalArgumentException("maxFrameSize must be at least 1, was " + maxFrameSize);
    }
    Objects.requireNonNull(reconnect, "reconnect");
  }

  /** Plain TCP, connect 10 s, ACK 30 s, answers up to 1 MiB, {@link ReconnectPolicy#defaults()}. */
  public static SenderOptions to(String host, int port) {
    return new SenderOptions(
        host,
        port,
        Duration.ofSeconds(10),
        Duration.ofSeconds(30),
        1024 * 1024,
        null,
        true,
        ReconnectPolicy.defaults());
  }

  public SenderOptions withConnectTimeout(Duration value) {
    return new SenderOptions(
        host, port, value, ackTimeout, maxFrameSize, tls, verifyHostname, reconnect);
  }

  public SenderOptions withAckTimeout(Duration value) {
    return new SenderOptions(
        host, port, connectTimeout, value, maxFrameSize, tls, verifyHostname, reconnect);
  }

  public SenderOptions withMaxFrameSize(int value) {
    return new SenderOptions(
        host, port, connectTimeout, ackTimeout, value, tls, verifyHostname, reconnect);
  }

  /** TLS 1.2+ with this context, verifying that the certificate names the host. */
  public SenderOptions withTls(SSLContext value) {
    return new SenderOptions(
        host, port, connectTimeout, ackTimeout, maxFrameSize, value, true, reconnect);
  }

  public SenderOptions withVerifyHostname(boolean value) {
    return new SenderOptions(
        host, port, connectTimeout, ackTimeout, maxFrameSize, tls, value, reconnect);
  }

  public SenderOptions withReconnect(ReconnectPolicy value) {
    return new SenderOptions(
        host, port, connectTimeout, ackTimeout, maxFrameSize, tls, verifyHostname, value);
  }

  @Override
  public String toString() {
    return "SenderOptions[" + host + ":" + port + (tls == null ? "" : " TLS") + "]";
  }

  private static void requirePositive(String name, Duration value) {
    Objects.requireNonNull(value, name);
    if (value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
  }
}
