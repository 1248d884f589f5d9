package com.practicestudio.hl7;

import com.practicestudio.codemaps.CodeMapKind;
import com.practicestudio.codemaps.CodeMaps;
import com.practicestudio.hl7.inbound.Hl7HandlersProperties;
import com.practicestudio.hl7.inbound.MrnRule;
import com.practicestudio.journal.ExchangeJournal;
import com.practicestudio.journal.FollowUps;
import com.practicestudio.journal.Handles;
import com.practicestudio.security.audit.AuditLog;
import com.practicestudio.security.crypto.Crypto;
import com.practicestudio.security.crypto.EncryptedColumn;
import com.practicestudio.web.NavEntry;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Wires the HL7 interface: configuration store, registry, ingest, rules, delivery. */
@Configuration(proxyBeanMethods = false)
class Hl7Wiring {

  @Bean
  EncryptedColumn hl7KeystorePasswordColumn() {
    return new EncryptedColumn("hl7_interface", "id", "keystore_password");
  }

  @Bean
  static NavEntry hl7Nav() {
    return new NavEntry(NavEntry.INTEGRATIONS, "HL7", "/hl7", 20, null);
  }

  @Bean
  InterfaceRepository hl7InterfaceRepository(JdbcClient jdbc, JsonMapper json) {
    return new InterfaceRepository(jdbc, json);
  }

  @Bean
  RuleRepository hl7RuleRepository(JdbcClient jdbc) {
    return new RuleRepository(jdbc);
  }

  @Bean
  ConfigRepository hl7ConfigRepository(JdbcClient jdbc) {
    return new ConfigRepository(jdbc);
  }

  @Bean
  ControlIds hl7ControlIds(JdbcClient jdbc) {
    return new ControlIds(jdbc);
  }

  @Bean
  Hl7Metrics hl7Metrics(MeterRegistry registry) {
    return new Hl7Metrics(registry);
  }

  @Bean
  AckWriter hl7AckWriter(Clock clock) {
    return new AckWriter(clock);
  }

  @Bean(destroyMethod = "close")
  OutcomeWatcher hl7OutcomeWatcher(JdbcClient jdbc) {
    return new OutcomeWatcher(jdbc);
  }

  /** The registry is looked up on use: its listeners' receivers need these ACKs first. */
  @Bean(destroyMethod = "close")
  ApplicationAcks hl7ApplicationAcks(
      OutcomeWatcher watcher,
      FollowUps followUps,
      JdbcClient jdbc,
      Crypto crypto,
      AckWriter acks,
      ControlIds controlIds,
      ObjectProvider<InterfaceRegistry> registry,
      Hl7Properties settings) {
    return new ApplicationAcks(
        watcher,
        followUps,
        new StoredPayloads(jdbc, crypto),
        acks,
        controlIds,
        () -> registry.getObject().config(),
        settings.sendingApplication());
  }

  /** Server mode only (admin commands send nothing). */
  @Bean
  ApplicationAckJob hl7ApplicationAckJob(ApplicationAcks acks, Environment environment) {
    return new ApplicationAckJob(acks, serverMode(environment));
  }

  @Bean
  RuleEngine.CodeTranslator hl7CodeTranslator(CodeMaps codeMaps) {
    return (kind, scope, system, code) ->
        CodeMapKind.fromWire(kind).flatMap(k -> codeMaps.translate(k, scope, system, code));
  }

  @Bean
  InterfaceRegistry hl7InterfaceRegistry(
      InterfaceRepository interfaces,
      RuleRepository rules,
      ConfigRepository config,
      Crypto crypto,
      Hl7Metrics metrics,
      ExchangeJournal journal,
      AckWriter acks,
      OutcomeWatcher watcher,
      ApplicationAcks applicationAcks,
      Hl7Properties settings,
      Hl7HandlersProperties handlers,
      Environment environment) {
    InterfaceRegistry[] self = new InterfaceRegistry[1];
    CorrelationKeys keys = new CorrelationKeys(new MrnRule(handlers));
    ListenerStarter starter =
        new ListenerStarter(
            crypto,
            metrics,
            itf ->
                new InboundReceiver(
                    itf,
                    self[0]::config,
                    journal,
                    acks,
                    watcher,
                    applicationAcks,
                    metrics,
                    settings.logPayloads(),
                    keys));
    self[0] =
        new InterfaceRegistry(
            () -> load(interfaces, rules, config),
            config,
            starter,
            settings,
            serverMode(environment));
    return self[0];
  }

  /** One consistent read of every interface and rule. */
  private static Hl7Config load(
      InterfaceRepository interfaces, RuleRepository rules, ConfigRepository config) {
    long generation = config.generation();
    var stored = interfaces.all();
    var list = new ArrayList<Hl7Interface>();
    var sealed = new java.util.HashMap<Long, byte[]>();
    for (InterfaceRepository.Stored s : stored) {
      list.add(s.itf());
      if (s.sealedPassword() != null) {
        sealed.put(s.itf().id(), s.sealedPassword());
      }
    }
    return new Hl7Config(generation, list, Map.copyOf(sealed), rules.all());
  }

  @Bean
  Hl7Interfaces hl7Interfaces(
      InterfaceRepository interfaces,
      RuleRepository rules,
      ConfigRepository config,
      InterfaceRegistry registry,
      Crypto crypto,
      AuditLog audit,
      Clock clock,
      PlatformTransactionManager transactions,
      JsonMapper json) {
    return new Hl7Interfaces(
        interfaces,
        rules,
        config,
        registry,
        crypto,
        audit,
        clock,
        new TransactionTemplate(transactions),
        json);
  }

  @Bean
  Hl7Rules hl7Rules(
      RuleRepository rules,
      InterfaceRepository interfaces,
      ConfigRepository config,
      InterfaceRegistry registry,
      RuleEngine.CodeTranslator codes,
      AuditLog audit,
      Clock clock,
      PlatformTransactionManager transactions) {
    return new Hl7Rules(
        rules,
        interfaces,
        config,
        registry,
        new RuleTrial(codes),
        audit,
        clock,
        new TransactionTemplate(transactions));
  }

  @Bean
  Hl7InboundPipeline hl7InboundPipeline(
      InterfaceRegistry registry, RuleEngine.CodeTranslator codes) {
    return new Hl7InboundPipeline(registry::config, codes);
  }

  /** The journal builds its ignore rules with its workers: the registry is looked up later. */
  @Bean
  Hl7IgnoreRule hl7IgnoreRule(
      ObjectProvider<InterfaceRegistry> registry, JdbcClient jdbc, Crypto crypto) {
    return new Hl7IgnoreRule(() -> registry.getObject().config(), new StoredPayloads(jdbc, crypto));
  }

  @Bean
  @Handles("HL7 INBOUND *")
  FallbackInboundHandler hl7FallbackInboundHandler(Hl7InboundPipeline pipeline) {
    return new FallbackInboundHandler(pipeline);
  }

  @Bean
  @Handles({"HL7 OUTBOUND SIU^*", "HL7 OUTBOUND ACK*"})
  MllpDeliveryHandler hl7MllpDeliveryHandler(InterfaceRegistry registry, Hl7Metrics metrics) {
    return new MllpDeliveryHandler(registry, metrics);
  }

  @Bean
  Hl7PayloadRenderer hl7PayloadRenderer(InterfaceRegistry registry) {
    return new Hl7PayloadRenderer(registry::config);
  }

  /** The default listener, on the first start of a fresh database (server mode only). */
  @Bean
  DefaultListener hl7DefaultListener(
      Hl7Interfaces interfaces, Hl7Properties settings, Environment environment) {
    return new DefaultListener(interfaces, settings, serverMode(environment));
  }

  /** Creates the default listener once the application is ready (after Flyway). */
  record DefaultListener(Hl7Interfaces interfaces, Hl7Properties settings, boolean enabled) {

    @EventListener(ApplicationReadyEvent.class)
    public void create() {
      if (enabled) {
        interfaces.ensureDefaultListener(settings.mllp());
      }
    }
  }

  static boolean serverMode(Environment environment) {
    return "server".equals(environment.getProperty("practice-studio.mode", "server"));
  }
}
