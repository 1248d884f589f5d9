package com.practicestudio.mllp;

import static com.practicestudio.mllp.MllpCodec.CARRIAGE_RETURN;
import static com.practicestudio.mllp.MllpCodec.END_BLOCK;
import static com.practicestudio.mllp.MllpCodec.START_BLOCK;

import java.util.Arrays;

/**
 * Incremental MLLP decoder: feed it chunks of any size as they arrive, it reports frames to a
 * {@link FrameSink}. Pure and single-threaded (one decoder per connection); no I/O.
 *
 * <p>The policy, in stream order:
 *
 * <ul>
 *   <li>Bytes before a start block are skipped and reported once, as {@link
 *       MllpError#GARBAGE_SKIPPED} with their count, when the next start block (or the end of the
 *       stream) arrives.
 *   <li>{@code 0x0B payload 0x1C 0x0D} is a frame. The payload may be empty.
 *   <li>A start block inside a frame drops the unfinished frame ({@link
 *       MllpError#START_BLOCK_INSIDE_FRAME}, not answerable: the peer never finished it) and starts
 *       a new frame at that byte.
 *   <li>An end block followed by anything but a carriage return ends the frame, which is
 *       {@linkplain FrameSink#rejected rejected} ({@link
 *       MllpError#END_BLOCK_WITHOUT_CARRIAGE_RETURN}); the byte after the end block is then read as
 *       the first byte between frames (a start block there starts the next frame).
 *   <li>A payload longer than {@code maxFrameSize} stops being buffered: only its head is kept, the
 *       rest is counted and dropped until the frame ends (then {@linkplain FrameSink#rejected
 *       rejected} with {@link MllpError#FRAME_TOO_LARGE}, so it can be answered) or a start block
 *       resynchronises the stream (then {@linkplain FrameSink#discarded discarded}). Memory stays
 *       below {@code maxFrameSize} per decoder.
 *   <li>{@link #endOfStream} drops an unfinished frame ({@link
 *       MllpError#STREAM_ENDED_INSIDE_FRAME}).
 * </ul>
 *
 * <p>Scanning is a tight loop over the chunk; payload bytes are copied once into the frame handed
 * to the sink (directly from the chunk when a whole frame is inside one chunk, else through a
 * reused buffer).
 */
public final class MllpDecoder {
  /** How many leading payload bytes a too-large frame keeps for the answer (to find MSH-10). */
  public static final int REJECTED_HEAD_BYTES = 4096;

  private static final int INITIAL_CAPACITY = 8 * 1024;
  private static final int RETAINED_CAPACITY = 256 * 1024;

  private enum State {
    BETWEEN_FRAMES,
    IN_FRAME,
    AFTER_END_BLOCK
  }

  private final int maxFrameSize;
  private State state = State.BETWEEN_FRAMES;
  private byte[] buffer;
  private int buffered;
  private long frameLength;
  private boolean oversized;
  private long garbage;

  /**
   * @param maxFrameSize the largest payload, in bytes, delivered as a frame
   */
  public MllpDecoder(int maxFrameSize) {
    if (maxFrameSize < 1) {
      throw new IllegalArgumentException("maxFrameSize must be at least 1, was " + maxFrameSize);
    }
    this.maxFrameSize = maxFrameSize;
    this.buffer = new byte[Math.min(INITIAL_CAPACITY, maxFrameSize)];
  }

  /**
   * Decodes {@code count} bytes of {@code chunk} from {@code offset}; the chunk may be reused
   * afterwards.
   */
  public void feed(byte[] chunk, int offset, int count, FrameSink sink) {
    int end = offset + count;
    if (offset < 0 || count < 0 || end > chunk.length) {
      throw new IndexOutOfBoundsException(
          "offset " + offset + ", count " + count + ", length " + chunk.length);
    }
    int i = offset;
    while (i < end) {
      switch (state) {
        case BETWEEN_FRAMES -> i = skipToStartBlock(chunk, i, end, sink);
        case IN_FRAME -> i = readPayload(chunk, i, end, sink);
        case AFTER_END_BLOCK -> i = readCarriageReturn(chunk, i, sink);
      }
    }
  }

  /** Decodes a whole array. */
  public void feed(byte[] chunk, FrameSink sink) {
    feed(chunk, 0, chunk.length, sink);
  }

  /** The stream ended: reports skipped bytes or the unfinished frame, and resets the decoder. */
  public void endOfStream(FrameSink sink) {
    if (state == State.BETWEEN_FRAMES) {
      reportGarbage(sink);
    } else {
      sink.discarded(MllpError.STREAM_ENDED_INSIDE_FRAME, frameLength);
      state = State.BETWEEN_FRAMES;
    }
    buffered = 0;
  }

  /** True between a start block and the end of its frame: the peer is in the middle of sending. */
  public boolean inFrame() {
    return state != State.BETWEEN_FRAMES;
  }

  /** The reused buffer's size: stays within the maximum frame size (tests check it). */
  int bufferCapacity() {
    return buffer.length;
  }

  private int skipToStartBlock(byte[] chunk, int from, int end, FrameSink sink) {
    int i = from;
    while (i < end && chunk[i] != START_BLOCK) {
      i++;
    }
    garbage += i - from;
    if (i == end) {
      return end;
    }
    reportGarbage(sink);
    startFrame();
    return i + 1;
  }

  private int readPayload(byte[] chunk, int from, int end, FrameSink sink) {
    int i = from;
    while (i < end) {
      byte b = chunk[i];
      if (b == END_BLOCK || b == START_BLOCK) {
        break;
      }
      i++;
    }
    int n = i - from;
    if (i + 1 < end
        && chunk[i] == END_BLOCK
        && chunk[i + 1] == CARRIAGE_RETURN
        && frameLength == 0
        && n <= maxFrameSize) {
      // the whole frame is inside this chunk: copy it once, straight out of the chunk
      state = State.BETWEEN_FRAMES;
      sink.frame(Arrays.copyOfRange(chunk, from, i));
      return i + 2;
    }
    append(chunk, from, n);
    if (i == end) {
      return end;
    }
    if (chunk[i] == END_BLOCK) {
      state = State.AFTER_END_BLOCK;
    } else {
      sink.discarded(
          oversized ? MllpError.FRAME_TOO_LARGE : MllpError.START_BLOCK_INSIDE_FRAME, frameLength);
      startFrame();
    }
    return i + 1;
  }

  private int readCarriageReturn(byte[] chunk, int at, FrameSink sink) {
    state = State.BETWEEN_FRAMES;
    boolean carriageReturn = chunk[at] == CARRIAGE_RETURN;
    byte[] content = Arrays.copyOf(buffer, buffered);
    buffered = 0;
    if (oversized) {
      sink.rejected(MllpError.FRAME_TOO_LARGE, content, frameLength);
    } else if (carriageReturn) {
      sink.frame(content);
    } else {
      sink.rejected(MllpError.END_BLOCK_WITHOUT_CARRIAGE_RETURN, content, frameLength);
    }
    // without the carriage return, the byte is read again as the first byte between frames
    return carriageReturn ? at + 1 : at;
  }

  private void append(byte[] chunk, int from, int n) {
    frameLength += n;
    if (oversized) {
      return;
    }
    if (frameLength > maxFrameSize) {
      keepHeadOnly(chunk, from, n);
      return;
    }
    ensureCapacity(buffered + n);
    System.arraycopy(chunk, from, buffer, buffered, n);
    buffered += n;
  }

  private void keepHeadOnly(byte[] chunk, int from, int n) {
    oversized = true;
    int headLimit = Math.min(REJECTED_HEAD_BYTES, maxFrameSize);
    if (buffered < headLimit) {
      int more = Math.min(headLimit - buffered, n);
      ensureCapacity(buffered + more);
      System.arraycopy(chunk, from, buffer, buffered, more);
      buffered += more;
    }
    buffered = Math.min(buffered, headLimit);
  }

  private void ensureCapacity(int needed) {
    if (needed > buffer.length) {
      int grown = (int) Math.min(Math.max((long) buffer.length * 2, needed), maxFrameSize);
      buffer = Arrays.copyOf(buffer, Math.max(grown, needed));
    }
  }

  private void startFrame() {
    state = State.IN_FRAME;
    buffered = 0;
    frameLength = 0;
    oversized = false;
    if (buffer.length > RETAINED_CAPACITY) {
      buffer = new byte[Math.min(INITIAL_CAPACITY, maxFrameSize)];
    }
  }

  private void reportGarbage(FrameSink sink) {
    if (garbage > 0) {
      long skipped = garbage;
      garbage = 0;
      sink.discarded(MllpError.GARBAGE_SKIPPED, skipped);
    }
  }
}
