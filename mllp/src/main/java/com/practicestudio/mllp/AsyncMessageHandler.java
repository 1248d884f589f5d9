package com.practicestudio.mllp;

import java.util.concurrent.CompletionStage;

/**
 * The batch-friendly handler: return at once, complete the stage when the message is durable (e.g.
 * after a group commit with messages from other connections). The listener keeps reading and
 * handing over frames while earlier answers are pending, up to {@link
 * ListenerOptions#maxPipelinedFrames()} per connection, and writes answers in frame order per
 * connection, whatever order the stages complete in.
 *
 * <p>{@code handle} is called on the connection's reader thread and must not block. A stage that
 * fails, completes with null or is not complete within {@link ListenerOptions#handlerTimeout()} is
 * answered with {@link ErrorAnswer}.
 */
@FunctionalInterface
public interface AsyncMessageHandler {

  CompletionStage<byte[]> handle(Frame frame, ConnectionInfo peer);
}
