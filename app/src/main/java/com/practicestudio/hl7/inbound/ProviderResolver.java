package com.practicestudio.hl7.inbound;

import com.practicestudio.codemaps.CodeMapKind;
import com.practicestudio.db.TransactionMemo;
import com.practicestudio.directory.Npi;
import com.practicestudio.directory.Provider;
import com.practicestudio.directory.ProviderInput;
import com.practicestudio.directory.ProviderService;
import com.practicestudio.hl7.inbound.Fields.Xcn;
import com.practicestudio.web.ConflictException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The provider an XCN names: through the interface's provider code map (Cerner personnel id or
 * alias → provider id), else the provider with that external id, else with that NPI (XCN-13 {@code
 * NPI}); an unknown provider with an id and a family name is created. Without either the reference
 * stays empty: every provider reference of the records is optional.
 */
@Component
class ProviderResolver {

  private final ProviderService providers;

  ProviderResolver(ProviderService providers) {
    this.providers = providers;
  }

  /**
   * Finds or creates; empty when the XCN names no one we can keep. An id found nowhere is reported
   * as a provider code without a mapping (whether or not a provider is then created from it).
   */
  Optional<Long> resolve(Inbound in, Xcn xcn) {
    Optional<Long> known = find(in, xcn);
    if (known.isPresent() || xcn.id() == null) {
      return known;
    }
    in.codes().unmapped(CodeMapKind.PROVIDER, null, xcn.id());
    if (xcn.family() == null) {
      return known;
    }
    String npi = isNpi(xcn) ? xcn.id() : null;
    Provider created;
    try {
      created = create(xcn, npi);
    } catch (ConflictException e) {
      // another group of messages created them after this one looked: use theirs
      Optional<Long> meanwhile =
          providers
              .findByExternalId(xcn.id())
              .or(() -> npi == null ? Optional.empty() : providers.findByNpi(npi))
              .map(Provider::id);
      if (meanwhile.isEmpty()) {
        throw e;
      }
      TransactionMemo.remember(new ByExternalId(xcn.id()), meanwhile.get());
      return meanwhile;
    }
    List<String> fields = new ArrayList<>(List.of("externalId", "firstName", "lastName"));
    if (npi != null) {
      fields.add("npi");
    }
    in.created("provider", created.id(), fields);
    TransactionMemo.remember(new ByExternalId(xcn.id()), created.id());
    if (npi != null) {
      TransactionMemo.remember(new ByNpi(npi), created.id());
    }
    return Optional.of(created.id());
  }

  private Provider create(Xcn xcn, String npi) {
    return providers.create(
        new ProviderInput(
            xcn.id(), npi, xcn.given(), xcn.family(), xcn.degree(), null, null, null, null, null));
  }

  /** Finds only (for references that carry no name to create a provider with). */
  Optional<Long> find(Inbound in, Xcn xcn) {
    if (xcn == null || xcn.id() == null) {
      return Optional.empty();
    }
    Optional<Long> mapped =
        in.codes()
            .translate(CodeMapKind.PROVIDER, null, xcn.id())
            .flatMap(ProviderResolver::id)
            .filter(id -> TransactionMemo.find(new Exists(id), () -> exists(id)).isPresent());
    if (mapped.isPresent()) {
      return mapped;
    }
    Optional<Long> byExternalId =
        TransactionMemo.find(
            new ByExternalId(xcn.id()),
            () -> providers.findByExternalId(xcn.id()).map(Provider::id));
    if (byExternalId.isPresent() || !isNpi(xcn)) {
      return byExternalId;
    }
    return TransactionMemo.find(
        new ByNpi(xcn.id()), () -> providers.findByNpi(xcn.id()).map(Provider::id));
  }

  private Optional<Long> exists(long id) {
    return providers.exists(id) ? Optional.of(id) : Optional.empty();
  }

  /** Memo keys: the rows of a group of messages name the same few providers. */
  private record Exists(long id) {}

  private record ByExternalId(String id) {}

  private record ByNpi(String npi) {}

  private static boolean isNpi(Xcn xcn) {
    return "NPI".equalsIgnoreCase(xcn.idType()) && Npi.isValid(xcn.id());
  }

  static Optional<Long> id(String value) {
    try {
      return Optional.of(Long.parseLong(value.strip()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
