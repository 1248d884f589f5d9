package com.practicestudio.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

class TransactionMemoTest {

  private final TransactionTemplate tx = new TransactionTemplate(new NoDatabase());
  private final AtomicInteger lookups = new AtomicInteger();

  private Optional<String> lookup() {
    return Optional.of("answer " + lookups.incrementAndGet());
  }

  @Test
  void an_answer_is_looked_up_once_per_transaction() {
    String[] answers =
        tx.execute(
            s ->
                new String[] {
                  TransactionMemo.find("k", this::lookup).orElseThrow(),
                  TransactionMemo.find("k", this::lookup).orElseThrow()
                });

    assertThat(answers).containsExactly("answer 1", "answer 1");
    String next = tx.execute(s -> TransactionMemo.find("k", this::lookup).orElseThrow());
    assertThat(next).as("the next transaction looks again").isEqualTo("answer 2");
  }

  @Test
  void what_a_rolled_back_transaction_remembered_is_forgotten() {
    tx.executeWithoutResult(
        s -> {
          TransactionMemo.remember("k", "created in a transaction that rolls back");
          String remembered = TransactionMemo.find("k", this::lookup).orElseThrow();
          assertThat(remembered).isEqualTo("created in a transaction that rolls back");
          s.setRollbackOnly();
        });

    String after = tx.execute(s -> TransactionMemo.find("k", this::lookup).orElseThrow());
    assertThat(after).isEqualTo("answer 1");
  }

  @Test
  void none_is_not_remembered() {
    AtomicInteger asked = new AtomicInteger();
    Optional<String> later =
        tx.execute(
            s -> {
              TransactionMemo.find("k", () -> none(asked));
              TransactionMemo.find("k", () -> none(asked));
              TransactionMemo.remember("k", "created meanwhile");
              return TransactionMemo.find("k", () -> none(asked));
            });

    assertThat(asked).as("each \"none\" asked again").hasValue(2);
    assertThat(later).contains("created meanwhile");
  }

  private static Optional<String> none(AtomicInteger asked) {
    asked.incrementAndGet();
    return Optional.empty();
  }

  @Test
  void outside_a_transaction_nothing_is_remembered() {
    TransactionMemo.remember("k", "kept nowhere");

    String first = TransactionMemo.find("k", this::lookup).orElseThrow();
    String second = TransactionMemo.find("k", this::lookup).orElseThrow();
    assertThat(first).isEqualTo("answer 1");
    assertThat(second).isEqualTo("answer 2");
  }

  /** Transactions with synchronization and nothing behind them. */
  private static final class NoDatabase extends AbstractPlatformTransactionManager {

    @Override
    protected Object doGetTransaction() {
      return new Object();
    }

    @Override
    protected void doBegin(Object transaction, TransactionDefinition definition) {}

    @Override
    protected void doCommit(DefaultTransactionStatus status) {}

    @Override
    protected void doRollback(DefaultTransactionStatus status) {}
  }
}
