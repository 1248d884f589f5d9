package com.practicestudio.mllp;

/**
 * What {@link MllpDecoder} finds in a byte stream. Three outcomes, chosen so that a receiver knows
 * exactly which ones need an answer: {@link #frame} and {@link #rejected} are frames the peer
 * finished sending and waits to have answered; {@link #discarded} bytes were never a finished frame
 * and get no answer.
 */
public interface FrameSink {

  /** A complete, well-formed frame. The array is new and belongs to the sink. */
  void frame(byte[] payload);

  /**
   * A frame the peer ended but that broke a rule ({@link MllpError#FRAME_TOO_LARGE} or {@link
   * MllpError#END_BLOCK_WITHOUT_CARRIAGE_RETURN}). It needs an answer, typically a negative
   * acknowledgement.
   *
   * @param content the whole payload, or only its first {@link MllpDecoder#REJECTED_HEAD_BYTES}
   *     bytes (at most the maximum frame size) when the frame was too large; enough to find the
   *     message's control id
   * @param length the payload length the peer sent
   */
  void rejected(MllpError reason, byte[] content, long length);

  /**
   * Bytes dropped that were not a finished frame: bytes before a start block ({@link
   * MllpError#GARBAGE_SKIPPED}), an unfinished frame cut short by a new start block ({@link
   * MllpError#START_BLOCK_INSIDE_FRAME}, or {@link MllpError#FRAME_TOO_LARGE} when it was also too
   * large), or by the end of the stream ({@link MllpError#STREAM_ENDED_INSIDE_FRAME}). Nothing to
   * answer.
   *
   * @param bytes payload bytes dropped (for skipped garbage: the bytes skipped)
   */
  void discarded(MllpError reason, long bytes);
}
