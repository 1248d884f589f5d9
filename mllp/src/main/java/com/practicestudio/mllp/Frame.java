package com.practicestudio.mllp;

import java.util.Arrays;

/**
 * One received MLLP frame: the payload between the start block and the end block, and its place on
 * the connection. The payload array is handed over, not copied: the handler owns it. {@link
 * #toString()} shows no content (it may hold PHI).
 *
 * @param payload the message bytes, without framing
 * @param sequence 1 for the first frame on the connection, then 2, 3, …; answers go back in this
 *     order
 */
public record Frame(byte[] payload, long sequence) {

  /** Payload length in bytes. */
  public int length() {
    return payload.length;
  }

  @Override
  public String toString() {
    return "Frame[sequence=" + sequence + ", length=" + payload.length + "]";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Frame f && f.sequence == sequence && Arrays.equals(f.payload, payload);
  }

  @Override
  public int hashCode() {
    return 31 * Long.hashCode(sequence) + Arrays.hashCode(payload);
  }
}
