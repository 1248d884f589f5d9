package com.practicestudio.journal;

import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The journal's SQL side in one place: its repositories and the transactions they run in. */
record JournalStore(
    DataSource dataSource,
    ExchangeRepository exchanges,
    ClaimRepository claims,
    RequeueRepository requeues,
    TransactionTemplate tx) {

  static JournalStore create(DataSource dataSource, PlatformTransactionManager transactions) {
    JdbcClient jdbc = JdbcClient.create(dataSource);
    return new JournalStore(
        dataSource,
        new ExchangeRepository(jdbc),
        new ClaimRepository(jdbc, ClaimRepository.ownTransactions(transactions)),
        new RequeueRepository(jdbc),
        new TransactionTemplate(transactions));
  }

  /** For use without Spring's context (tools, tests): a transaction manager of its own. */
  static JournalStore create(DataSource dataSource) {
    return create(dataSource, new JdbcTransactionManager(dataSource));
  }
}
