package com.practicestudio.db;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Answers remembered until the current transaction ends, for lookups that many records of one
 * transaction repeat (the journal applies a group of inbound messages in one: sixteen ADTs of one
 * clinic name the same location and attending provider). Forgotten at commit or rollback, so a row
 * created in a transaction that rolls back is never answered again. Outside a transaction nothing
 * is remembered.
 */
public final class TransactionMemo {

  private static final Object KEY = new Object();

  private TransactionMemo() {}

  /**
   * What is remembered for {@code key} in this transaction, else {@code lookup}'s answer. Only what
   * was found is remembered: "none" is asked again, so a row that this transaction creates later is
   * never hidden behind an old "none".
   */
  @SuppressWarnings("unchecked")
  public static <T> Optional<T> find(Object key, Supplier<Optional<T>> lookup) {
    Map<Object, Object> memo = memo();
    if (memo == null) {
      return lookup.get();
    }
    Object known = memo.get(key);
    if (known != null) {
      return Optional.of((T) known);
    }
    Optional<T> answer = lookup.get();
    answer.ifPresent(found -> memo.put(key, found));
    return answer;
  }

  /** Remembers {@code answer} for {@code key} (a record this transaction just created). */
  public static void remember(Object key, Object answer) {
    Map<Object, Object> memo = memo();
    if (memo != null && answer != null) {
      memo.put(key, answer);
    }
  }

  /**
   * Hands {@code answer} (which may be an empty {@code Optional}: "none" read ahead) to the next
   * {@link #take} of {@code key} in this transaction. For a {@link
   * com.practicestudio.journal.ReadAhead}, which asks for a group of records what each record's
   * handler would ask alone: the key is that exact question. Nothing happens outside a transaction.
   */
  public static void readAhead(Object key, Object answer) {
    Map<Object, Object> memo = memo();
    if (memo != null && answer != null) {
      memo.put(new Ahead(key), answer);
    }
  }

  /**
   * The answer read ahead for {@code key}, handed out once: null when there is none (ask the
   * database), so that a question asked again after this transaction's own writes is never answered
   * from before them.
   */
  @SuppressWarnings("unchecked")
  public static <T> T take(Object key) {
    // looked up without creating one: most transactions have nothing read ahead
    Map<Object, Object> memo =
        active() ? (Map<Object, Object>) TransactionSynchronizationManager.getResource(KEY) : null;
    return memo == null ? null : (T) memo.remove(new Ahead(key));
  }

  /** Whether answers read ahead now would be handed out: a transaction is running. */
  public static boolean active() {
    return TransactionSynchronizationManager.isActualTransactionActive()
        && TransactionSynchronizationManager.isSynchronizationActive();
  }

  /** Read-ahead answers live beside remembered ones without sharing their keys. */
  private record Ahead(Object key) {}

  @SuppressWarnings("unchecked")
  private static Map<Object, Object> memo() {
    if (!active()) {
      return null;
    }
    Map<Object, Object> memo =
        (Map<Object, Object>) TransactionSynchronizationManager.getResource(KEY);
    if (memo == null) {
      Map<Object, Object> fresh = new HashMap<>();
      TransactionSynchronizationManager.bindResource(KEY, fresh);
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
              TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
            }
          });
      memo = fresh;
    }
    return memo;
  }
}
