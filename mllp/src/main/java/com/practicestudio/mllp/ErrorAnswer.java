package com.practicestudio.mllp;

/**
 * Builds the answer for a finished frame that the handler could not answer (it threw, timed out or
 * answered null) or that broke the framing rules (too large, bad end). The listener never decides
 * answer content itself; this hook is required so that every finished frame gets an answer.
 *
 * <p>It must be quick and should not fail: typically an HL7 NAK (AE for handler failures, AR for
 * rejected frames) built from whatever MSH fields {@link FrameFailure#content()} holds. If it
 * throws or returns null the listener cannot answer in order any more: it reports {@link
 * MllpError#ERROR_ANSWER_FAILED} and closes the connection, so the peer sees a closed connection,
 * never a silent gap.
 */
@FunctionalInterface
public interface ErrorAnswer {

  byte[] answer(FrameFailure failure, ConnectionInfo peer);
}
