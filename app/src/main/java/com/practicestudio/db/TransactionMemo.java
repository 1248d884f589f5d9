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

  @SuppressWarnings("unchecked")
  private static Map<Object, Object> memo() {
    if (!TransactionSynchronizationManager.isActualTransactionActive()
        || !TransactionSynchronizationManager.isSynchronizationActive()) {
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
