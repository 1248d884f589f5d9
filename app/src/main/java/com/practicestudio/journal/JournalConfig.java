package com.practicestudio.journal;

import com.practicestudio.security.audit.AuditLog;
import com.practicestudio.security.crypto.Crypto;
import com.practicestudio.security.crypto.EncryptedColumn;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.transaction.PlatformTransactionManager;

/** Wires the journal: store, writer, workers, handler routes, metrics and the payload column. */
@Configuration(proxyBeanMethods = false)
class JournalConfig {

  @Bean
  EncryptedColumn exchangePayloadColumn() {
    return new EncryptedColumn("exchange_payload", "exchange_id", "body");
  }

  @Bean
  JournalStore journalStore(DataSource dataSource, PlatformTransactionManager transactions) {
    return JournalStore.create(dataSource, transactions);
  }

  @Bean
  JournalMetrics journalMetrics(
      MeterRegistry registry, JournalStore store, Clock clock, JournalProperties settings) {
    return new JournalMetrics(registry, store.exchanges(), clock, settings.gaugeRefresh());
  }

  /** Handler beans are looked up on first use, so they may depend on the journal's services. */
  @Bean
  HandlerRoutes handlerRoutes(ListableBeanFactory beans) {
    return new HandlerRoutes(
        () -> {
          List<HandlerRoutes.Route> routes = new ArrayList<>();
          beans
              .getBeansOfType(ExchangeHandler.class)
              .forEach(
                  (name, handler) -> {
                    Handles handles = beans.findAnnotationOnBean(name, Handles.class);
                    if (handles == null) {
                      throw new IllegalStateException(
                          "handler bean '" + name + "' has no @Handles pattern");
                    }
                    for (String pattern : handles.value()) {
                      routes.add(HandlerRoutes.parse(pattern, handler, name));
                    }
                  });
          return routes;
        });
  }

  @Bean
  ExchangeApplier exchangeApplier(
      JournalStore store,
      Crypto crypto,
      HandlerRoutes routes,
      ObjectProvider<IgnoreRule> rules,
      JournalProperties settings,
      Clock clock,
      JournalMetrics metrics) {
    return new ExchangeApplier(
        store,
        crypto,
        routes,
        rules.orderedStream().toList(),
        settings,
        clock,
        metrics,
        () -> ThreadLocalRandom.current().nextDouble());
  }

  /** Runs only in the server (not in admin commands) and when {@code workers.enabled}. */
  @Bean
  WorkerPool journalWorkers(
      JournalProperties settings,
      JournalStore store,
      ExchangeApplier applier,
      Clock clock,
      Environment environment) {
    boolean run = settings.workers().enabled() && serverMode(environment);
    return new WorkerPool(settings.node(), settings.workers(), store.claims(), applier, clock)
        .autoStartup(run);
  }

  @Bean
  JournalNotifications journalNotifications(
      DataSource dataSource, WorkerPool workers, JournalProperties settings, Environment env) {
    JournalProperties.Workers w = settings.workers();
    return new JournalNotifications(
        dataSource,
        workers::wake,
        w.pollInterval(),
        w.enabled() && w.listenNotify() && serverMode(env));
  }

  @Bean(destroyMethod = "close")
  InboundBatchWriter inboundBatchWriter(
      JournalStore store,
      JournalProperties settings,
      Clock clock,
      JournalMetrics metrics,
      WorkerPool workers) {
    return new InboundBatchWriter(
        store.dataSource(),
        settings.writer(),
        clock,
        metrics,
        workers::wake,
        settings.workers().listenNotify());
  }

  @Bean
  JournalAudit journalAudit(AuditLog audit) {
    return (action, id, detail) -> audit.record(action, "exchange", id, detail);
  }

  @Bean
  ExchangeJournal exchangeJournal(
      JournalStore store,
      Crypto crypto,
      Clock clock,
      JournalMetrics metrics,
      InboundBatchWriter writer,
      JournalAudit audit,
      WorkerPool workers,
      JournalProperties settings) {
    return new ExchangeJournal(
        store,
        crypto,
        clock,
        metrics,
        writer,
        audit,
        workers::wake,
        settings.workers().listenNotify());
  }

  @Bean
  FollowUps journalFollowUps(JournalStore store, ExchangeJournal journal) {
    return new FollowUps(store, journal);
  }

  @Bean
  Reprocessing reprocessing(
      JournalStore store,
      ExchangeApplier applier,
      JournalAudit audit,
      Clock clock,
      JournalProperties settings,
      JournalMetrics metrics,
      WorkerPool workers) {
    return new Reprocessing(store, applier, audit, clock, settings, metrics, workers::wake);
  }

  private static boolean serverMode(Environment environment) {
    return "server".equals(environment.getProperty("practice-studio.mode", "server"));
  }
}
