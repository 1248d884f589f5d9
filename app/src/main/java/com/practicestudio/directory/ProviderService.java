package com.practicestudio.directory;

import com.practicestudio.contact.Emails;
import com.practicestudio.contact.Phone;
import com.practicestudio.contact.PhoneNumbers;
import com.practicestudio.security.audit.AuditAction;
import com.practicestudio.security.audit.AuditLog;
import com.practicestudio.web.ConflictException;
import com.practicestudio.web.Cursor;
import com.practicestudio.web.FieldProblem;
import com.practicestudio.web.InvalidRequestException;
import com.practicestudio.web.NotFoundException;
import com.practicestudio.web.Page;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Providers: the API other features use to find, create and update clinicians. Every write is
 * validated as a whole (all bad fields named at once) and audited.
 */
@Service
public class ProviderService {

  private final ProviderRepository providers;
  private final PhoneNumbers phones;
  private final AuditLog audit;
  private final Clock clock;

  ProviderService(ProviderRepository providers, PhoneNumbers phones, AuditLog audit, Clock clock) {
    this.providers = providers;
    this.phones = phones;
    this.audit = audit;
    this.clock = clock;
  }

  public Optional<Provider> find(long id) {
    return providers.findById(id);
  }

  public Provider get(long id) {
    return providers.findById(id).orElseThrow(() -> new NotFoundException("provider", id));
  }

  public Optional<Provider> findByNpi(String npi) {
    return npi == null ? Optional.empty() : providers.findByNpi(npi.strip());
  }

  public Optional<Provider> findByExternalId(String externalId) {
    return externalId == null ? Optional.empty() : providers.findByExternalId(externalId.strip());
  }

  public boolean exists(long id) {
    return providers.exists(id);
  }

  public Page<Provider> search(ProviderQuery query, int limit, String cursor) {
    ProviderQuery q =
        new ProviderQuery(
            clean(query.npi()), clean(query.externalId()), clean(query.lastName()), query.active());
    return Cursor.page(
        providers.search(q, Cursor.decodeId(cursor), limit + 1), limit, p -> Long.toString(p.id()));
  }

  @Transactional
  public Provider create(ProviderInput input) {
    ProviderRepository.Row row = validate(input, null);
    long id = providers.insert(row, clock.instant());
    audit.record(AuditAction.RECORD_CREATE, "provider", id);
    return get(id);
  }

  /** Replaces every field (null clears it). */
  @Transactional
  public Provider replace(long id, ProviderInput input) {
    get(id);
    providers.update(id, validate(input, id), clock.instant());
    audit.record(AuditAction.RECORD_UPDATE, "provider", id);
    return get(id);
  }

  /**
   * Creates or updates the provider with the input's {@code externalId} (else its {@code npi});
   * null fields of the input leave the stored ones unchanged. For channel handlers and imports.
   */
  @Transactional
  public Provider upsert(ProviderInput input) {
    Optional<Provider> existing = findByExternalId(input.externalId());
    if (existing.isEmpty()) {
      existing = findByNpi(clean(input.npi()));
    }
    if (existing.isEmpty()) {
      return create(input);
    }
    Provider p = existing.get();
    ProviderInput merged =
        new ProviderInput(
            or(input.externalId(), p.externalId()),
            or(input.npi(), p.npi()),
            or(input.firstName(), p.firstName()),
            or(input.lastName(), p.lastName()),
            or(input.credentials(), p.credentials()),
            or(input.specialty(), p.specialty()),
            or(input.phone(), p.phone()),
            input.phone() != null ? input.phoneExtension() : p.phoneExtension(),
            or(input.email(), p.email()),
            input.active() != null ? input.active() : p.active());
    ProviderRepository.Row row = validate(merged, p.id());
    providers.update(p.id(), row, clock.instant());
    audit.record(AuditAction.RECORD_UPDATE, "provider", p.id(), Map.of("via", "upsert"));
    return get(p.id());
  }

  private ProviderRepository.Row validate(ProviderInput in, Long selfId) {
    List<FieldProblem> problems = new ArrayList<>();
    String npi = clean(in.npi());
    String externalId = clean(in.externalId());
    String lastName = clean(in.lastName());
    String email = clean(in.email());
    if (lastName == null) {
      problems.add(new FieldProblem("lastName", "is required"));
    }
    if (npi != null && !Npi.isValid(npi)) {
      problems.add(new FieldProblem("npi", "must be 10 digits with a valid check digit"));
    }
    if (email != null && !Emails.isValid(email)) {
      problems.add(new FieldProblem("email", "is not an e-mail address"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    checkUnique("npi", npi == null ? null : providers.findByNpi(npi), selfId);
    checkUnique(
        "externalId", externalId == null ? null : providers.findByExternalId(externalId), selfId);
    Phone phone = phones.normalise(in.phone());
    if (phone != null) {
      phone = phone.withExtensionIfAbsent(in.phoneExtension());
    }
    return new ProviderRepository.Row(
        externalId,
        npi,
        clean(in.firstName()),
        lastName,
        clean(in.credentials()),
        clean(in.specialty()),
        phone,
        email,
        in.active() == null || in.active());
  }

  private static void checkUnique(String field, Optional<Provider> holder, Long selfId) {
    if (holder != null && holder.isPresent() && (selfId == null || holder.get().id() != selfId)) {
      throw new ConflictException(field + " is already held by provider " + holder.get().id());
    }
  }

  private static String or(String given, String current) {
    return given != null ? given : current;
  }

  static String clean(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
