package com.practicestudio.cerner;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.practicestudio.security.audit.AuditAction;
import com.practicestudio.security.audit.AuditLog;
import com.practicestudio.security.crypto.Crypto;
import com.practicestudio.web.ConflictException;
import com.practicestudio.web.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Cerner domain settings: create, change, discover, generate a key. Every change is audited as
 * {@code SETTINGS_CHANGE} naming the changed fields (never secret values) and announced with {@link
 * CernerDomainChanged} after it committed. Network work (discovery) runs outside the database
 * transaction.
 */
@Service
public class CernerDomains {

  private static final Map<String, Function<CernerDomain, Object>> FIELDS = fields();

  private final CernerDomainRepository domains;
  private final SmartDiscoveryClient discovery;
  private final Crypto crypto;
  private final AuditLog audit;
  private final Clock clock;
  private final TransactionTemplate tx;
  private final ApplicationEventPublisher events;

  CernerDomains(
      CernerDomainRepository domains,
      SmartDiscoveryClient discovery,
      Crypto crypto,
      AuditLog audit,
      Clock clock,
      TransactionTemplate tx,
      ApplicationEventPublisher events) {
    this.domains = domains;
    this.discovery = discovery;
    this.crypto = crypto;
    this.audit = audit;
    this.clock = clock;
    this.tx = tx;
    this.events = events;
  }

  /** Every domain, by name. */
  public List<CernerDomain> list() {
    return domains.all();
  }

  public Optional<CernerDomain> find(long id) {
    return domains.find(id);
  }

  /**
   * @throws NotFoundException when there is no such domain
   */
  public CernerDomain get(long id) {
    return domains.find(id).orElseThrow(() -> new NotFoundException("Cerner domain", id));
  }

  public Optional<CernerDomain> findByName(String name) {
    return name == null ? Optional.empty() : domains.findByName(name.strip());
  }

  /**
   * The domain whose FHIR root is {@code fhirRoot} (an EHR launch's {@code iss}), ignoring case and
   * trailing slashes.
   */
  public Optional<CernerDomain> findByFhirRoot(String fhirRoot) {
    if (fhirRoot == null || fhirRoot.isBlank()) {
      return Optional.empty();
    }
    return domains.findByFhirRoot(fhirRoot.strip().replaceAll("/+$", ""));
  }

  /**
   * Creates a domain and discovers its endpoints. Scopes the server does not offer are refused;
   * when discovery fails the domain is still saved (the error is kept in its {@code discovery}).
   *
   * @throws com.practicestudio.web.InvalidRequestException naming the bad fields
   * @throws ConflictException when the name or FHIR root is taken
   */
  public CernerDomain create(CernerDomainInput input) {
    DomainValues values = CernerDomainValidator.check(input);
    Discovery found = discovery.discover(values.fhirRoot(), null);
    CernerDomainValidator.checkScopesAgainst(values, found);
    CernerDomain created =
        tx.execute(
            status -> {
              refuseTaken(values, null);
              long id =
                  domains.insert(
                      values,
                      seal(values.clientSecret(), CernerConfig.CLIENT_SECRET),
                      seal(values.smartClientSecret(), CernerConfig.SMART_CLIENT_SECRET),
                      found,
                      clock.instant());
              CernerDomain domain = get(id);
              List<String> fields = new ArrayList<>(FIELDS.keySet());
              fields.remove("discovery");
              fields.addAll(secretFields(values));
              changed(domain.id(), "create", fields);
              return domain;
            });
    events.publishEvent(new CernerDomainChanged(created.id()));
    return created;
  }

  /**
   * Replaces a domain's settings (secrets left out are kept). Discovery runs again when the FHIR
   * root changed or the last discovery failed.
   */
  public CernerDomain update(long id, CernerDomainInput input) {
    DomainValues values = CernerDomainValidator.check(input);
    CernerDomain before = get(id);
    boolean sameRoot = before.fhirRoot().equalsIgnoreCase(values.fhirRoot());
    Discovery found =
        sameRoot && before.discovery().ok()
            ? before.discovery()
            : discovery.discover(values.fhirRoot(), sameRoot ? before.discovery() : null);
    CernerDomainValidator.checkScopesAgainst(values, found);
    CernerDomain after =
        tx.execute(
            status -> {
              if (!domains.lock(id)) {
                throw new NotFoundException("Cerner domain", id);
              }
              refuseTaken(values, id);
              domains.update(
                  id,
                  values,
                  seal(values.clientSecret(), CernerConfig.CLIENT_SECRET),
                  seal(values.smartClientSecret(), CernerConfig.SMART_CLIENT_SECRET),
                  found,
                  clock.instant());
              CernerDomain domain = get(id);
              List<String> fields = changedFields(before, domain);
              fields.addAll(secretFields(values));
              changed(id, "update", fields);
              return domain;
            });
    events.publishEvent(new CernerDomainChanged(id));
    return after;
  }

  /** Creates the domain named {@code input.name()}, or updates it (e.g. the demo's sandbox). */
  public CernerDomain upsertByName(CernerDomainInput input) {
    Optional<CernerDomain> existing = findByName(input.name());
    return existing.isPresent() ? update(existing.get().id(), input) : create(input);
  }

  /**
   * Discovers the domain's endpoints again and stores what was found (a failure keeps the old
   * endpoints and records its error).
   */
  public CernerDomain discover(long id) {
    CernerDomain before = get(id);
    Discovery found = discovery.discover(before.fhirRoot(), before.discovery());
    CernerDomain after =
        tx.execute(
            status -> {
              domains.updateDiscovery(id, found, clock.instant());
              Map<String, Object> detail = new LinkedHashMap<>();
              detail.put("change", "discover");
              detail.put("fields", List.of("discovery"));
              detail.put("ok", found.ok());
              audit.record(AuditAction.SETTINGS_CHANGE, "cerner_domain", id, detail);
              return get(id);
            });
    events.publishEvent(new CernerDomainChanged(id));
    return after;
  }

  /**
   * Generates a new RSA key pair (2048 bits, RS384) for {@code private_key_jwt}: the private key is
   * sealed, the public one is shown as a JWK Set to register with Cerner. Replaces any older key.
   */
  public CernerDomain generateKey(long id) {
    get(id);
    RSAKey key;
    try {
      key =
          new RSAKeyGenerator(2048)
              .keyID(UUID.randomUUID().toString())
              .keyUse(KeyUse.SIGNATURE)
              .algorithm(JWSAlgorithm.RS384)
              .generate();
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot generate an RSA key", e);
    }
    byte[] sealed =
        crypto.seal(key.toJSONString().getBytes(StandardCharsets.UTF_8), CernerConfig.PRIVATE_KEY);
    String publicJwks = new JWKSet(key.toPublicJWK()).toString(true);
    CernerDomain after =
        tx.execute(
            status -> {
              domains.updateKey(id, sealed, key.getKeyID(), publicJwks, clock.instant());
              changed(id, "generate-key", List.of("privateKey", "keyId", "publicJwks"));
              return get(id);
            });
    events.publishEvent(new CernerDomainChanged(id));
    return after;
  }

  private void refuseTaken(DomainValues values, Long self) {
    domains
        .findByName(values.name())
        .filter(other -> self == null || other.id() != self)
        .ifPresent(
            other -> {
              throw new ConflictException("a Cerner domain named " + values.name() + " exists");
            });
    domains
        .findByFhirRoot(values.fhirRoot())
        .filter(other -> self == null || other.id() != self)
        .ifPresent(
            other -> {
              throw new ConflictException(
                  "the Cerner domain " + other.name() + " has the same FHIR root");
            });
  }

  private void changed(long id, String change, List<String> fields) {
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("change", change);
    detail.put("fields", fields);
    audit.record(AuditAction.SETTINGS_CHANGE, "cerner_domain", id, detail);
  }

  private byte[] seal(String secret, String context) {
    return secret == null ? null : crypto.sealText(secret, context);
  }

  private static List<String> secretFields(DomainValues values) {
    List<String> fields = new ArrayList<>();
    if (values.clientSecret() != null) {
      fields.add("clientSecret");
    }
    if (values.smartClientSecret() != null) {
      fields.add("smartClientSecret");
    }
    return fields;
  }

  private static List<String> changedFields(CernerDomain before, CernerDomain after) {
    List<String> fields = new ArrayList<>();
    FIELDS.forEach(
        (name, getter) -> {
          if (!Objects.equals(getter.apply(before), getter.apply(after))) {
            fields.add(name);
          }
        });
    return fields;
  }

  private static Map<String, Function<CernerDomain, Object>> fields() {
    Map<String, Function<CernerDomain, Object>> fields = new LinkedHashMap<>();
    fields.put("name", CernerDomain::name);
    fields.put("fhirRoot", CernerDomain::fhirRoot);
    fields.put("enabled", CernerDomain::enabled);
    fields.put("clientId", CernerDomain::clientId);
    fields.put("clientAuth", CernerDomain::clientAuth);
    fields.put("scopes", CernerDomain::scopes);
    fields.put("smartClientId", CernerDomain::smartClientId);
    fields.put("smartScopes", CernerDomain::smartScopes);
    fields.put("millenniumBaseUrl", CernerDomain::millenniumBaseUrl);
    fields.put("millenniumServices", CernerDomain::millenniumServices);
    fields.put("millenniumVersion", CernerDomain::millenniumVersion);
    fields.put("timeZone", CernerDomain::timeZone);
    fields.put("testPatientId", CernerDomain::testPatientId);
    fields.put("discovery", d -> d.discovery().discoveredAt());
    return java.util.Collections.unmodifiableMap(fields);
  }
}
