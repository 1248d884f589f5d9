/**
 * MLLP (HL7's Minimal Lower Layer Protocol): framing codec, listener and sender. Pure Java 17, no
 * framework.
 *
 * <h2>Framing</h2>
 *
 * A frame is {@code 0x0B payload 0x1C 0x0D}. {@link com.practicestudio.mllp.MllpCodec} encodes;
 * {@link com.practicestudio.mllp.MllpDecoder} decodes incrementally, byte arrays only, and tells a
 * {@link com.practicestudio.mllp.FrameSink} which bytes were a frame, a finished but rejected frame
 * (too large, bad end: answerable) or dropped bytes (garbage, unfinished frames: nothing to
 * answer). Errors carry stable codes, {@link com.practicestudio.mllp.MllpError} ({@code MLLP-001}
 * …).
 *
 * <h2>Threading model</h2>
 *
 * Blocking I/O, a thread per connection half: one acceptor thread per listener; per connection a
 * reader thread (TLS handshake, reads into a reused 64 KiB buffer, decodes, calls the handler,
 * queues the answer) and a writer thread (waits for answers in frame order, writes them through a
 * buffered stream, flushes when the next answer is not ready, so pipelined answers leave in one
 * write). Java 17 platform threads are cheap at the scale of an interface engine (hundreds of
 * connections), blocking reads cost no selector round trips, and a full pipeline back-pressures
 * through TCP simply by not reading. A {@link com.practicestudio.mllp.MessageHandler} runs on the
 * reader thread; an {@link com.practicestudio.mllp.AsyncMessageHandler} returns a {@code
 * CompletionStage} at once, so the application can commit messages from many connections in one
 * transaction and complete them together; the reader keeps reading (up to {@code
 * maxPipelinedFrames} unanswered frames per connection).
 *
 * <h2>Phase timeouts</h2>
 *
 * Named as in Camel's MLLP component ({@link com.practicestudio.mllp.ListenerOptions}):
 *
 * <ul>
 *   <li><b>receive timeout</b> — after connecting, the TLS handshake and the first byte of the
 *       first frame;
 *   <li><b>read timeout</b> — inside a frame, between two reads (a peer stalling mid-frame);
 *   <li><b>idle timeout</b> — no traffic either way and nothing pending, or an answer the peer does
 *       not take;
 *   <li><b>handler timeout</b> — the longest wait for the application's answer.
 * </ul>
 *
 * Readers wake at least every 250 ms between frames to check the idle timeout and a stop request.
 * The sender has a connect timeout (TCP and TLS handshake) and an ACK timeout (end of sending to
 * end of the answer frame).
 *
 * <h2>The answer guarantee</h2>
 *
 * Every finished frame (start block to end block) is answered, in frame order per connection, by
 * exactly one of: the handler's answer; or the required {@link com.practicestudio.mllp.ErrorAnswer}
 * hook's answer when the handler throws, fails its stage, answers null or with framing bytes, times
 * out, or when the frame was rejected (too large, end block without carriage return). The listener
 * never makes up answer content. Frames go unanswered only when no answer can be delivered in
 * order, each case logged and reported with its code: the connection broke ({@code MLLP-019}:
 * reset, write failure), the peer took no answer for the idle timeout ({@code MLLP-015}), the
 * {@code ErrorAnswer} hook itself failed ({@code MLLP-018}: answering later frames would put
 * answers out of order), a stop's grace period ran out ({@code MLLP-020}), or the handler threw an
 * {@code Error}. Unfinished frames (cut by the end of the stream, a read timeout, or a new start
 * block) are dropped and reported, not answered. A graceful {@link
 * com.practicestudio.mllp.MllpListener#stop stop} stops accepting, lets each connection finish the
 * frame it is reading, answers everything received, then closes.
 *
 * <p>Logs and exception messages hold codes, sizes, connection ids, addresses and control ids,
 * never payloads.
 */
package com.practicestudio.mllp;
