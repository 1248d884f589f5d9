package com.practicestudio.mllp;

import java.io.IOException;
import java.io.OutputStream;

/**
 * MLLP framing constants and the encoder: {@code 0x0B payload 0x1C 0x0D}. Pure: byte arrays in,
 * byte arrays out. Decoding is {@link MllpDecoder}.
 */
public final class MllpCodec {
  /** Start block, vertical tab. */
  public static final byte START_BLOCK = 0x0B;

  /** End block, file separator. */
  public static final byte END_BLOCK = 0x1C;

  /** Carriage return that follows the end block. */
  public static final byte CARRIAGE_RETURN = 0x0D;

  /** Bytes MLLP adds around a payload. */
  public static final int FRAMING_BYTES = 3;

  private static final byte[] TRAILER = {END_BLOCK, CARRIAGE_RETURN};

  private MllpCodec() {}

  /**
   * Frames a payload.
   *
   * @throws IllegalArgumentException when the payload holds a start or end block byte, which would
   *     break the framing on the other side ({@link MllpError#PAYLOAD_CONTAINS_BLOCK_BYTE})
   */
  public static byte[] encode(byte[] payload) {
    requireFrameable(payload);
    byte[] frame = new byte[payload.length + FRAMING_BYTES];
    frame[0] = START_BLOCK;
    System.arraycopy(payload, 0, frame, 1, payload.length);
    frame[frame.length - 2] = END_BLOCK;
    frame[frame.length - 1] = CARRIAGE_RETURN;
    return frame;
  }

  /**
   * Writes one frame to a stream without copying the payload; the caller flushes. Use a buffered
   * stream.
   *
   * @throws IllegalArgumentException as {@link #encode(byte[])}
   */
  public static void writeFrame(OutputStream out, byte[] payload) throws IOException {
    requireFrameable(payload);
    out.write(START_BLOCK);
    out.write(payload);
    out.write(TRAILER);
  }

  /**
   * Returns the offset of the first start or end block byte in the payload, or -1 when it can be
   * framed as is.
   */
  public static int indexOfBlockByte(byte[] payload) {
    for (int i = 0; i < payload.length; i++) {
      byte b = payload[i];
      if (b == START_BLOCK || b == END_BLOCK) {
        return i;
      }
    }
    return -1;
  }

  private static void requireFrameable(byte[] payload) {
    int at = indexOfBlockByte(payload);
    if (at >= 0) {
      throw new IllegalArgumentException(
          MllpError.PAYLOAD_CONTAINS_BLOCK_BYTE.code()
              + ": "
              + MllpError.PAYLOAD_CONTAINS_BLOCK_BYTE.description()
              + " (offset "
              + at
              + ")");
    }
  }
}
