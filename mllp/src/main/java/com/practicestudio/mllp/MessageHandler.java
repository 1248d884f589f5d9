package com.practicestudio.mllp;

/**
 * The application's answer to one frame, decided after the message is safely stored (store, then
 * ACK). Runs on the connection's reader thread, so frames of one connection are handled one after
 * another, in order. For grouped commits across connections use {@link AsyncMessageHandler}.
 */
@FunctionalInterface
public interface MessageHandler {

  /**
   * @return the answer payload to frame and send back (an HL7 ACK); null or a throw makes the
   *     listener answer with {@link ErrorAnswer} instead
   */
  byte[] handle(Frame frame, ConnectionInfo peer) throws Exception;
}
