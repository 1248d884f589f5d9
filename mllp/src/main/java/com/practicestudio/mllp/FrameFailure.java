package com.practicestudio.mllp;

/**
 * Why a finished frame cannot get the handler's answer, given to {@link ErrorAnswer} to build a
 * negative acknowledgement. {@link #toString()} shows no content.
 *
 * @param error {@link MllpError#HANDLER_FAILED}, {@link MllpError#HANDLER_TIMEOUT}, {@link
 *     MllpError#FRAME_TOO_LARGE} or {@link MllpError#END_BLOCK_WITHOUT_CARRIAGE_RETURN}
 * @param content the payload; for a too-large frame only its head (see {@link
 *     MllpDecoder#REJECTED_HEAD_BYTES})
 * @param length the payload length the peer sent
 * @param sequence the frame's place on its connection
 * @param cause what the handler threw, or null
 */
public record FrameFailure(
    MllpError error, byte[] content, long length, long sequence, Throwable cause) {

  /** True when {@link #content} is only the head of the payload. */
  public boolean truncated() {
    return content.length < length;
  }

  @Override
  public String toString() {
    return "FrameFailure[error="
        + error
        + ", sequence="
        + sequence
        + ", length="
        + length
        + (cause == null ? "" : ", cause=" + cause.getClass().getName())
        + "]";
  }
}
