package com.practicestudio.mllp;

import java.time.Duration;
import java.util.Objects;

/**
 * Timeouts and limits of an {@link MllpListener}, named by phase as in Camel's MLLP component.
 *
 * @param receiveTimeout after a connection opens: the TLS handshake and the first byte of the first
 *     frame must arrive within it, else the connection is closed ({@link
 *     MllpError#RECEIVE_TIMEOUT})
 * @param readTimeout inside a frame: the longest pause between two reads; on expiry the unfinished
 *     frame is dropped and the connection closed ({@link MllpError#READ_TIMEOUT})
 * @param idleTimeout a connection with no traffic in either direction for this long, and no answer
 *     pending, is closed ({@link MllpError#IDLE_TIMEOUT}); so is one whose answer cannot be written
 *     for this long (a peer that does not read); {@link Duration#ZERO} keeps idle connections open
 * @param handlerTimeout the longest wait for the handler's answer before {@link ErrorAnswer}
 *     answers instead ({@link MllpError#HANDLER_TIMEOUT})
 * @param maxFrameSize the largest payload accepted, in bytes; larger frames are rejected without
 *     being buffered
 * @param maxConnections connections beyond this are closed on accept ({@link
 *     MllpError#TOO_MANY_CONNECTIONS})
 * @param maxPipelinedFrames frames one connection may have waiting for answers; beyond it the
 *     listener stops reading that connection until answers go out (TCP back-pressure)
 * @param backlog the server socket's accept queue length
 */
public record ListenerOptions(
    Duration receiveTimeout,
    Duration readTimeout,
    Duration idleTimeout,
    Duration handlerTimeout,
    int maxFrameSize,
    int maxConnections,
    int maxPipelinedFrames,
    int backlog) {

  public ListenerOptions {
    requirePositive("receiveTimeout", receiveTimeout);
    requirePositive("readTimeout", readTimeout);
    Objects.requireNonNull(idleTimeout, "idleTimeout");
    if (idleTimeout.isNegative()) {
      throw new IllegalArgumentException("idleTimeout must not be negative, was " + idleTimeout);
    }
    requirePositive("handlerTimeout", handlerTimeout);
    requireAtLeastOne("maxFrameSize", maxFrameSize);
    requireAtLeastOne("maxConnections", maxConnections);
    requireAtLeastOne("maxPipelinedFrames", maxPipelinedFrames);
    requireAtLeastOne("backlog", backlog);
  }

  /**
   * Receive 15 s, read 5 s, idle 30 min, handler 30 s, frames up to 10 MiB, 256 connections, 256
   * pipelined frames per connection, backlog 128.
   */
  public static ListenerOptions defaults() {
    return new ListenerOptions(
        Duration.ofSeconds(15),
        Duration.ofSeconds(5),
        Duration.ofMinutes(30),
        Duration.ofSeconds(30),
        10 * 1024 * 1024,
        256,
        256,
        128);
  }

  public ListenerOptions withReceiveTimeout(Duration value) {
    return new ListenerOptions(
        value,
        readTimeout,
        idleTimeout,
        handlerTimeout,
        maxFrameSize,
        maxConnections,
        maxPipelinedFrames,
        backlog);
  }

  public ListenerOptions withReadTimeout(Duration value) {
    return new ListenerOptions(
        receiveTimeout,
        value,
        idleTimeout,
        handlerTimeout,
        maxFrameSize,
        maxConnections,
        maxPipelinedFrames,
        backlog);
  }

  public ListenerOptions withIdleTimeout(Duration value) {
    return new ListenerOptions(
        receiveTimeout,
        readTimeout,
        value,
        handlerTimeout,
        maxFrameSize,
        maxConnections,
        maxPipelinedFrames,
        backlog);
  }

  public ListenerOptions withHandlerTimeout(Duration value) {
    return new ListenerOptions(
        receiveTimeout,
        readTimeout,
        idleTimeout,
        value,
        maxFrameSize,
        maxConnections,
        maxPipelinedFrames,
        backlog);
  }

  public ListenerOptions withMaxFrameSize(int value) {
    return new ListenerOptions(
        receiveTimeout,
        readTimeout,
        idleTimeout,
        handlerTimeout,
        value,
        maxConnections,
        maxPipelinedFrames,
        backlog);
  }

  public ListenerOptions withMaxConnections(int value) {
    return new ListenerOptions(
        receiveTimeout,
        readTimeout,
        idleTimeout,
        handlerTimeout,
        maxFrameSize,
        value,
        maxPipelinedFrames,
        backlog);
  }

  public ListenerOptions withMaxPipelinedFrames(int value) {
    return new ListenerOptions(
        receiveTimeout,
        readTimeout,
        idleTimeout,
        handlerTimeout,
        maxFrameSize,
        maxConnections,
        value,
        backlog);
  }

  public ListenerOptions withBacklog(int value) {
    return new ListenerOptions(
        receiveTimeout,
        readTimeout,
        idleTimeout,
        handlerTimeout,
        maxFrameSize,
        maxConnections,
        maxPipelinedFrames,
        value);
  }

  private static void requirePositive(String name, Duration value) {
    Objects.requireNonNull(value, name);
    if (value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
  }

  private static void requireAtLeastOne(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be at least 1, was " + value);
    }
  }
}
