package com.practicestudio.journal;

import com.practicestudio.security.audit.AuditAction;
import com.practicestudio.security.crypto.Crypto;
import com.practicestudio.web.Page;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Records units of exchange and reads them back. Payloads are sealed with {@link Crypto} before
 * they reach the database.
 *
 * <p>Channels record an inbound message before acknowledging it, either one at a time ({@link
 * #recordInbound}) or through the group-commit writer ({@link #submitInbound}, for listeners with
 * many connections); Practice Studio's own changes record their outbound rows with {@link
 * #recordOutbound} in the same transaction as the change.
 */
public class ExchangeJournal {

  private final JournalStore store;
  private final Crypto crypto;
  private final Clock clock;
  private final JournalMetrics metrics;
  private final InboundBatchWriter writer;
  private final JournalAudit audit;
  private final Runnable wake;
  private final boolean notifyNodes;

  ExchangeJournal(
      JournalStore store,
      Crypto crypto,
      Clock clock,
      JournalMetrics metrics,
      InboundBatchWriter writer,
      JournalAudit audit,
      Runnable wake,
      boolean notifyNodes) {
    this.store = store;
    this.crypto = crypto;
    this.clock = clock;
    this.metrics = metrics;
    this.writer = writer;
    this.audit = audit;
    this.wake = wake;
    this.notifyNodes = notifyNodes;
  }

  /**
   * Records an inbound message and its payload; committed when this returns (or, inside a caller's
   * transaction, when that commits). A message id seen before from the same sender on the same
   * channel answers the earlier row with {@code duplicate = true}: acknowledge it again, do not
   * apply it.
   */
  public Recorded recordInbound(InboundMessage message) {
    byte[] cipher = crypto.seal(message.payload().bytes(), ExchangeApplier.PAYLOAD_CONTEXT);
    Recorded recorded =
        store
            .tx()
            .execute(
                status -> {
                  Recorded r = store.exchanges().insertInbound(message, cipher, clock.instant());
                  if (!r.duplicate()) {
                    announce();
                  }
                  return r;
                });
    metrics.count(
        message.channel(),
        Direction.INBOUND,
        message.messageType(),
        recorded.duplicate() ? "DUPLICATE" : "RECEIVED");
    return recorded;
  }

  /**
   * Queues an inbound message for the group-commit writer, which records many messages (from many
   * connections) per transaction. The stage completes after the commit — only then acknowledge — or
   * exceptionally when the write failed (then answer the sender with an error, so it resends).
   * Blocks while the writer's queue is full.
   */
  public CompletionStage<Recorded> submitInbound(InboundMessage message) {
    byte[] cipher = crypto.seal(message.payload().bytes(), ExchangeApplier.PAYLOAD_CONTEXT);
    return writer.submit(message, cipher);
  }

  /**
   * Records an outbound message, joining the caller's transaction when there is one (so the change
   * and its outbound row commit together), otherwise in a transaction of its own. Workers deliver
   * it after the commit. Answers the row's id.
   */
  public long recordOutbound(OutboundMessage message) {
    byte[] cipher = crypto.seal(message.payload().bytes(), ExchangeApplier.PAYLOAD_CONTEXT);
    long id =
        store
            .tx()
            .execute(
                status -> {
                  long inserted =
                      store.exchanges().insertOutbound(message, cipher, clock.instant());
                  announce();
                  return inserted;
                });
    metrics.count(message.channel(), Direction.OUTBOUND, message.messageType(), "PENDING");
    return id;
  }

  public Optional<Exchange> find(long id) {
    return store.exchanges().find(id);
  }

  /** Whether this outbound row holds rows behind it, or waits behind a failed one. */
  public QueueHold hold(Exchange exchange) {
    return store.exchanges().hold(exchange);
  }

  /** Newest first; {@code cursor} is the previous page's {@code next}. */
  public Page<Exchange> search(ExchangeQuery query, int limit, String cursor) {
    return store.exchanges().search(query, limit, cursor);
  }

  /** The row's history, oldest first. */
  public List<ExchangeEvent> events(long id) {
    return store.exchanges().events(id);
  }

  /** Reads a payload (PHI): the read is audited with {@code via} (e.g. {@code api}). */
  public Optional<Payload> readPayload(long id, String via) {
    Optional<Exchange> row = find(id);
    if (row.isEmpty()) {
      return Optional.empty();
    }
    return store
        .tx()
        .execute(
            status -> {
              audit.record(AuditAction.PHI_READ, id, Map.of("via", via));
              return store
                  .exchanges()
                  .sealedPayload(id)
                  .map(
                      cipher ->
                          new Payload(
                              crypto.open(cipher, ExchangeApplier.PAYLOAD_CONTEXT),
                              row.get().contentType()));
            });
  }

  /** Counts by channel, direction and status of rows received in [from, to). */
  public ExchangeStats stats(Instant from, Instant to) {
    ExchangeRepository.QueueSizes sizes = store.exchanges().queueSizes();
    return new ExchangeStats(
        from, to, store.exchanges().counts(from, to), sizes.errorQueue(), sizes.backlog());
  }

  /** Wakes workers here at commit and, through NOTIFY, on the other nodes. */
  private void announce() {
    if (notifyNodes) {
      store.exchanges().notifyNodes();
    }
    afterCommit(wake);
  }

  static void afterCommit(Runnable action) {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              action.run();
            }
          });
    } else {
      action.run();
    }
  }
}
