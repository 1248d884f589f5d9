package com.practicestudio.mllp;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A stand-in for the application's batching journal writer: collects frames from all connections,
 * "commits" them in groups on its own thread and completes each group's stages in shuffled order.
 */
final class GroupCommitter implements AutoCloseable {
  private record Item(Frame frame, CompletableFuture<byte[]> answer) {}

  private final LinkedBlockingQueue<Item> queue = new LinkedBlockingQueue<>();
  private final AtomicLong commits = new AtomicLong();
  private final AtomicLong messages = new AtomicLong();
  private final Thread thread = new Thread(this::run, "group-committer");
  private final Random random = new Random(7);
  private volatile boolean running = true;

  GroupCommitter() {
    thread.setDaemon(true);
    thread.start();
  }

  CompletionStage<byte[]> submit(Frame frame, ConnectionInfo peer) {
    CompletableFuture<byte[]> answer = new CompletableFuture<>();
    queue.add(new Item(frame, answer));
    return answer;
  }

  long commits() {
    return commits.get();
  }

  long messages() {
    return messages.get();
  }

  private void run() {
    List<Item> batch = new ArrayList<>();
    while (running) {
      try {
        Item first = queue.poll(50, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        Thread.sleep(2); // the "transaction"
        queue.drainTo(batch, 999);
      } catch (InterruptedException e) {
        return;
      }
      commits.incrementAndGet();
      messages.addAndGet(batch.size());
      Collections.shuffle(batch, random);
      for (Item item : batch) {
        item.answer().complete(Hl7.acceptAll(item.frame(), null));
      }
      batch.clear();
    }
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    thread.join(2_000);
  }
}
