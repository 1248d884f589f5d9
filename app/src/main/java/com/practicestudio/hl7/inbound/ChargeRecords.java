package com.practicestudio.hl7.inbound;

import com.practicestudio.billing.Charge;
import com.practicestudio.billing.ChargeDraft;
import com.practicestudio.billing.ChargeQuery;
import com.practicestudio.billing.ChargeService;
import com.practicestudio.hl7v2.Segment;
import com.practicestudio.web.InvalidRequestException;
import com.practicestudio.web.NotFoundException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Charges from FT1 segments (see {@link Ft1Mapper} for the fields), found again by the transaction
 * id FT1-2 as {@code externalId}, or by their business key (which names the message) when FT1-2 is
 * empty. Credits, payments and adjustments (FT1-6 other than {@code CG}) fail the message (HL7-112,
 * see {@link Ft1Mapper#requireCharge}); the performing provider is FT1-20, else the ordering one
 * FT1-21. A billed or void charge is not changed.
 */
@Component
class ChargeRecords {

  static final String KIND = "charge";

  private static final Map<String, String> FIELDS =
      Map.of(
          "code", "FT1-7",
          "codeSystem", "FT1-7.3",
          "modifiers", "FT1-26",
          "quantity", "FT1-10",
          "amount", "FT1-11",
          "unitAmount", "FT1-12",
          "serviceDate", "FT1-4",
          "diagnosisCodes", "FT1-19",
          "description", "FT1-7.2",
          "externalId", "FT1-2");

  private final ChargeService charges;
  private final RecordKeys keys;
  private final ProviderResolver providers;

  ChargeRecords(ChargeService charges, RecordKeys keys, ProviderResolver providers) {
    this.charges = charges;
    this.keys = keys;
    this.providers = providers;
  }

  /** Creates or updates the charge of one FT1; HL7-112 for a transaction that is no charge. */
  void upsert(Inbound in, Segment ft1, PatientUpdate patient, long patientId, Long encounterId) {
    String at = "FT1(" + in.occurrence(ft1) + ")";
    Ft1Mapper.requireCharge(ft1, at);
    Long providerId =
        providers
            .resolve(in, Fields.xcn(ft1, 20, 1))
            .or(() -> providers.resolve(in, Fields.xcn(ft1, 21, 1)))
            .orElse(null);
    ChargeDraft draft = Ft1Mapper.draft(in.message(), ft1, at, patientId, encounterId, providerId);
    String key =
        draft.externalId() != null
            ? null
            : Ft1Mapper.key(patient, in.message(), in.contentKey(), ft1, draft);
    Optional<Charge> existing = key == null ? byExternalId(draft.externalId()) : byKey(key);
    if (existing.isPresent() && existing.get().patientId() != patientId) {
      throw Hl7HandlerError.PATIENT_CONFLICT.failure(at + "-2 names a charge of another patient");
    }
    try {
      if (existing.isEmpty()) {
        Charge created = charges.create(draft);
        if (key != null) {
          keys.remember(KIND, key, created.id());
        }
        in.created(KIND, created.id(), changed(null, draft));
      } else if (existing.get().status().equals("open")) {
        List<String> changed = changed(existing.get(), draft);
        if (!changed.isEmpty()) {
          charges.update(existing.get().id(), draft);
          in.updated(KIND, existing.get().id(), changed);
        }
      }
    } catch (InvalidRequestException e) {
      throw RefusedValues.failure(e, in.at(ft1, FIELDS));
    }
  }

  private Optional<Charge> byExternalId(String externalId) {
    return charges
        .search(new ChargeQuery(null, null, null, null, externalId, null, null), 1, null)
        .items()
        .stream()
        .findFirst();
  }

  private Optional<Charge> byKey(String key) {
    return keys.find(KIND, key)
        .flatMap(
            id -> {
              try {
                return Optional.of(charges.byId(id));
              } catch (NotFoundException e) {
                return Optional.empty();
              }
            });
  }

  private static List<String> changed(Charge c, ChargeDraft d) {
    List<String> f = new ArrayList<>();
    EncounterRecords.diff(f, "encounterId", c == null ? null : c.encounterId(), d.encounterId());
    EncounterRecords.diff(f, "code", c == null ? null : c.code(), d.code());
    EncounterRecords.diff(f, "modifiers", c == null ? null : c.modifiers(), d.modifiers());
    EncounterRecords.diff(f, "description", c == null ? null : c.description(), d.description());
    compare(f, "quantity", c == null ? null : c.quantity(), d.quantity());
    compare(f, "unitAmount", c == null ? null : c.unitAmount(), d.unitAmount());
    compare(f, "amount", c == null ? null : c.amount(), d.amount());
    EncounterRecords.diff(f, "serviceDate", c == null ? null : c.serviceDate(), d.serviceDate());
    EncounterRecords.diff(
        f, "diagnosisCodes", c == null ? null : c.diagnosisCodes(), dotted(d.diagnosisCodes()));
    EncounterRecords.diff(f, "providerId", c == null ? null : c.providerId(), d.providerId());
    return f;
  }

  /** Amounts compare by value; a missing one (derived by the service) counts as unchanged. */
  private static void compare(List<String> f, String name, BigDecimal before, BigDecimal after) {
    if (after != null && (before == null || before.compareTo(after) != 0)) {
      f.add(name);
    }
  }

  private static List<String> dotted(List<String> codes) {
    return codes.stream()
        .map(
            c ->
                c.length() > 3 && c.charAt(3) != '.' ? c.substring(0, 3) + "." + c.substring(3) : c)
        .toList();
  }
}
