package com.practicestudio.hl7;

import com.practicestudio.security.audit.AuditAction;
import com.practicestudio.security.audit.AuditLog;
import com.practicestudio.security.crypto.Crypto;
import com.practicestudio.web.ConflictException;
import com.practicestudio.web.InvalidRequestException;
import com.practicestudio.web.NotFoundException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * HL7 interfaces: list, read, create, change, delete. Every change is audited ({@code
 * SETTINGS_CHANGE}, with the names of the fields that changed, never secrets) and takes effect on
 * this node right after it commits, on the other nodes at their next refresh — no restart.
 */
public final class Hl7Interfaces {

  private static final Logger log = LoggerFactory.getLogger(Hl7Interfaces.class);

  private final InterfaceRepository interfaces;
  private final RuleRepository rules;
  private final ConfigRepository config;
  private final InterfaceRegistry registry;
  private final Crypto crypto;
  private final AuditLog audit;
  private final Clock clock;
  private final TransactionTemplate tx;
  private final JsonMapper json;
  private final InterfaceValidator validator = new InterfaceValidator();

  Hl7Interfaces(
      InterfaceRepository interfaces,
      RuleRepository rules,
      ConfigRepository config,
      InterfaceRegistry registry,
      Crypto crypto,
      AuditLog audit,
      Clock clock,
      TransactionTemplate tx,
      JsonMapper json) {
    this.interfaces = interfaces;
    this.rules = rules;
    this.config = config;
    this.registry = registry;
    this.crypto = crypto;
    this.audit = audit;
    this.clock = clock;
    this.tx = tx;
    this.json = json;
  }

  /** Every interface (of one kind, when given), in creation order, with this node's state. */
  public List<Hl7Interface> list(InterfaceKind kind) {
    return interfaces.all().stream()
        .map(InterfaceRepository.Stored::itf)
        .filter(i -> kind == null || i.kind() == kind)
        .map(i -> i.withState(registry.state(i)))
        .toList();
  }

  public Hl7Interface get(long id) {
    return interfaces
        .find(id)
        .map(s -> s.itf().withState(registry.state(s.itf())))
        .orElseThrow(() -> new NotFoundException("HL7 interface", id));
  }

  public Optional<Hl7Interface> findByName(String name) {
    return list(null).stream().filter(i -> i.name().equals(name)).findFirst();
  }

  public Hl7Interface create(InterfaceInput input) {
    InterfaceValidator.Checked c = validator.check(input, null);
    long id =
        tx.execute(
            status -> {
              if (interfaces.nameTaken(c.name())) {
                throw new ConflictException("an HL7 interface named " + c.name() + " exists");
              }
              checkReplySender(c);
              long created =
                  interfaces.insert(
                      c.name(),
                      c.kind(),
                      c.enabled(),
                      settings(c),
                      seal(c.password(), null),
                      clock.instant());
              if (c.kind() == InterfaceKind.LISTENER) {
                DefaultRules.insert(rules, created, clock.instant());
              }
              config.bump();
              audit.record(
                  AuditAction.SETTINGS_CHANGE,
                  "hl7_interface",
                  created,
                  Map.of("operation", "create", "name", c.name(), "kind", c.kind().wire()));
              return created;
            });
    registry.reload();
    return get(id);
  }

  /**
   * Replaces an interface's settings.
   *
   * @param expectedVersion the version the client read (or null); a stale one is refused (409)
   */
  public Hl7Interface update(long id, InterfaceInput input, Integer expectedVersion) {
    tx.executeWithoutResult(
        status -> {
          InterfaceRepository.Stored before =
              interfaces
                  .findForUpdate(id)
                  .orElseThrow(() -> new NotFoundException("HL7 interface", id));
          InterfaceValidator.Checked c = validator.check(input, before.itf().kind());
          if (!before.itf().name().equals(c.name())) {
            throw new InvalidRequestException("name", "cannot change (journal rows refer to it)");
          }
          Integer expected = expectedVersion != null ? expectedVersion : input.version();
          if (expected != null && expected != before.itf().version()) {
            throw new ConflictException("the interface changed meanwhile; read it again");
          }
          checkReplySender(c);
          Object settings = settings(c);
          byte[] sealed = seal(c.password(), before.sealedPassword());
          interfaces.update(id, c.enabled(), settings, sealed, clock.instant());
          config.bump();
          Map<String, Object> detail = new LinkedHashMap<>();
          detail.put("operation", "update");
          detail.put("name", c.name());
          detail.put("fields", changedFields(before, c, settings));
          audit.record(AuditAction.SETTINGS_CHANGE, "hl7_interface", id, detail);
        });
    registry.reload();
    return get(id);
  }

  public void delete(long id) {
    tx.executeWithoutResult(
        status -> {
          Hl7Interface itf =
              interfaces
                  .findForUpdate(id)
                  .orElseThrow(() -> new NotFoundException("HL7 interface", id))
                  .itf();
          for (InterfaceRepository.Stored other : interfaces.all()) {
            ListenerSettings l = other.itf().listener();
            if (l != null && l.replySenderId() != null && l.replySenderId() == id) {
              throw new ConflictException(
                  "listener " + other.itf().name() + " sends its application ACKs through it");
            }
          }
          interfaces.delete(id);
          config.bump();
          audit.record(
              AuditAction.SETTINGS_CHANGE,
              "hl7_interface",
              id,
              Map.of("operation", "delete", "name", itf.name(), "kind", itf.kind().wire()));
        });
    registry.reload();
  }

  /**
   * Creates the default listener on {@code practice-studio.hl7.mllp.port} on the first start of a
   * fresh database (once: deleting it later sticks).
   */
  void ensureDefaultListener(Hl7Properties.Mllp mllp) {
    boolean created =
        Boolean.TRUE.equals(
            tx.execute(
                status -> {
                  if (!config.claimDefaultListener()) {
                    return false;
                  }
                  String name = interfaces.nameTaken("default") ? "default-mllp" : "default";
                  ListenerSettings settings =
                      validator
                          .check(
                              new InterfaceInput(
                                  name,
                                  "listener",
                                  true,
                                  new InterfaceInput.Listener(
                                      mllp.bindAddress().isBlank() ? null : mllp.bindAddress(),
                                      mllp.port(),
                                      null,
                                      null,
                                      null,
                                      null,
                                      null,
                                      null,
                                      null,
                                      null,
                                      null,
                                      null,
                                      null),
                                  null,
                                  null),
                              null)
                          .listener();
                  long id =
                      interfaces.insert(
                          name, InterfaceKind.LISTENER, true, settings, null, clock.instant());
                  DefaultRules.insert(rules, id, clock.instant());
                  config.bump();
                  audit.record(
                      AuditAction.SETTINGS_CHANGE,
                      "hl7_interface",
                      id,
                      Map.of("operation", "create-default", "name", name, "kind", "listener"));
                  return true;
                }));
    if (created) {
      log.info("Created the default HL7 listener on port {}", mllp.port());
      registry.reload();
    }
  }

  private void checkReplySender(InterfaceValidator.Checked c) {
    if (c.listener() == null || c.listener().replySenderId() == null) {
      return;
    }
    Optional<InterfaceRepository.Stored> sender = interfaces.find(c.listener().replySenderId());
    if (sender.isEmpty() || sender.get().itf().kind() != InterfaceKind.SENDER) {
      throw new InvalidRequestException("listener.replySenderId", "must name a sender interface");
    }
  }

  private static Object settings(InterfaceValidator.Checked c) {
    return c.kind() == InterfaceKind.LISTENER ? c.listener() : c.sender();
  }

  private byte[] seal(InterfaceValidator.PasswordChange change, byte[] current) {
    if (change.keep()) {
      return current;
    }
    return change.value() == null
        ? null
        : crypto.sealText(change.value(), ListenerStarter.PASSWORD_CONTEXT);
  }

  /** Names of the settings that differ (e.g. {@code listener.port}); values are not recorded. */
  private List<String> changedFields(
      InterfaceRepository.Stored before, InterfaceValidator.Checked after, Object settings) {
    List<String> fields = new ArrayList<>();
    if (before.itf().enabled() != after.enabled()) {
      fields.add("enabled");
    }
    String prefix = after.kind().wire();
    Object old =
        after.kind() == InterfaceKind.LISTENER ? before.itf().listener() : before.itf().sender();
    diff(prefix, json.valueToTree(old), json.valueToTree(settings), fields);
    fields.remove(prefix + ".tls.keystorePasswordSet");
    if (!after.password().keep()) {
      fields.add(prefix + ".tls.keystorePassword");
    }
    return fields;
  }

  private static void diff(String path, JsonNode a, JsonNode b, List<String> out) {
    if (a != null && b != null && a.isObject() && b.isObject()) {
      java.util.Set<String> names = new java.util.TreeSet<>(a.propertyNames());
      names.addAll(b.propertyNames());
      for (String name : names) {
        diff(path + "." + name, a.get(name), b.get(name), out);
      }
    } else if (a == null ? b != null : !a.equals(b)) {
      out.add(path);
    }
  }
}
