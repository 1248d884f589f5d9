package com.practicestudio.hl7.inbound;

import com.practicestudio.billing.Charge;
import com.practicestudio.billing.ChargeDraft;
import com.practicestudio.billing.ChargeQuery;
import com.practicestudio.billing.ChargeService;
import com.practicestudio.hl7v2.Segment;
import com.practicestudio.web.InvalidRequestException;
import com.practicestudio.web.NotFoundException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Charges from FT1 segments (transaction type FT1-6 {@code CG}, or none; credits, payments and
 * adjustments are left out): the transaction id FT1-2 is the charge's {@code externalId}, date
 * FT1-4, code FT1-7 when it is a CPT/HCPCS code (else the procedure code FT1-25), modifiers FT1-26,
 * quantity FT1-10, extended and unit amounts FT1-11/FT1-12 (USD), ICD-10 diagnoses from FT1-19
 * (else the DG1 segments; SNOMED and ICD-9 codes are left out), performing provider FT1-20 (else
 * the ordering one, FT1-21). An FT1 without a transaction id is found again by its business key. A
 * charge that is billed or void is not changed.
 */
@Component
class ChargeRecords {

  static final String KIND = "charge";

  private static final Pattern PROCEDURE = Pattern.compile("\\d{4}[0-9FTU]|[A-V]\\d{4}");
  private static final Pattern ICD10 = Pattern.compile("[A-TV-Z]\\d[0-9A-Z](\\.?[0-9A-Z]{1,4})?");
  private static final Set<String> ICD10_SYSTEMS =
      Set.of("I10", "I10C", "ICD10", "ICD10CM", "ICD-10", "ICD-10-CM", "2.16.840.1.113883.6.90");
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

  /** Creates or updates the charge of one FT1; nothing for transactions that are not charges. */
  void upsert(Inbound in, Segment ft1, PatientUpdate patient, long patientId, Long encounterId) {
    String type = Fields.text(ft1, 6, 1);
    if (type != null && !type.equalsIgnoreCase("CG")) {
      return;
    }
    String at = "FT1(" + in.occurrence(ft1) + ")";
    String transactionId = Fields.text(ft1, 2, 1);
    LocalDate date = Fields.date(ft1, 4, 1, at + "-4");
    if (date == null) {
      throw Hl7HandlerError.MISSING_FIELD.failure(at + "-4 gives no transaction date");
    }
    String[] code = code(ft1);
    if (code == null) {
      throw Hl7HandlerError.MISSING_FIELD.failure(at + "-7 and -25 give no procedure code");
    }
    Long providerId =
        providers
            .resolve(in, Fields.xcn(ft1, 20, 1))
            .or(() -> providers.resolve(in, Fields.xcn(ft1, 21, 1)))
            .orElse(null);
    ChargeDraft draft =
        new ChargeDraft(
            transactionId,
            patientId,
            encounterId,
            code[0],
            null,
            modifiers(ft1),
            ObxValues.cut(code[1], 500),
            Fields.number(Fields.text(ft1, 10), at + "-10"),
            money(ft1, 12, at + "-12"),
            money(ft1, 11, at + "-11"),
            date,
            diagnoses(in, ft1),
            providerId,
            null,
            null);
    String key =
        "ft1|" + patient.keyText() + "|" + Fields.text(ft1, 1) + "|" + date + "|" + code[0];
    Optional<Charge> existing = transactionId != null ? byExternalId(transactionId) : byKey(key);
    if (existing.isPresent() && existing.get().patientId() != patientId) {
      throw Hl7HandlerError.PATIENT_CONFLICT.failure(at + "-2 names a charge of another patient");
    }
    try {
      if (existing.isEmpty()) {
        Charge created = charges.create(draft);
        if (transactionId == null) {
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

  /** Code and description: FT1-7 when shaped like CPT/HCPCS, else FT1-25, else FT1-7 as sent. */
  private static String[] code(Segment ft1) {
    String transaction = upper(Fields.text(ft1, 7, 1));
    String procedure = upper(Fields.text(ft1, 25, 1));
    if (transaction != null && PROCEDURE.matcher(transaction).matches()) {
      return new String[] {transaction, Fields.text(ft1, 7, 2)};
    }
    if (procedure != null) {
      return new String[] {procedure, Fields.text(ft1, 25, 2)};
    }
    return transaction == null ? null : new String[] {transaction, Fields.text(ft1, 7, 2)};
  }

  private static List<String> modifiers(Segment ft1) {
    List<String> modifiers = new ArrayList<>();
    for (int rep = 1; rep <= ft1.repetitionCount(26); rep++) {
      String m = upper(Fields.text(ft1, 26, rep, 1, 1));
      if (m != null) {
        modifiers.add(m);
      }
    }
    return modifiers;
  }

  /** A CP amount (price&currency); USD only. */
  private static BigDecimal money(Segment ft1, int field, String name) {
    BigDecimal amount = Fields.number(Fields.text(ft1, field, 1, 1, 1), name);
    String currency = Fields.text(ft1, field, 1, 1, 2);
    if (amount != null && currency != null && !currency.equalsIgnoreCase("USD")) {
      throw Hl7HandlerError.REFUSED_VALUE.failure(name + " is not in USD");
    }
    return amount;
  }

  /** ICD-10 codes of FT1-19, else of the DG1 segments (DG1-3), at most twelve. */
  private static List<String> diagnoses(Inbound in, Segment ft1) {
    List<String> codes = new ArrayList<>();
    for (int rep = 1; rep <= ft1.repetitionCount(19); rep++) {
      icd10(Fields.coded(ft1, 19, rep), codes);
    }
    if (codes.isEmpty()) {
      for (Segment dg1 : in.message().segments("DG1")) {
        Fields.Coded c = Fields.coded(dg1, 3, 1);
        String method = Fields.text(dg1, 2);
        icd10(
            c.system() == null && method != null ? new Fields.Coded(c.code(), c.text(), method) : c,
            codes);
      }
    }
    return codes.size() > 12 ? codes.subList(0, 12) : codes;
  }

  private static void icd10(Fields.Coded c, List<String> into) {
    String code = upper(c.code());
    if (code == null) {
      return;
    }
    boolean icdSystem = c.system() != null && ICD10_SYSTEMS.contains(upper(c.system()));
    if ((icdSystem || c.system() == null)
        && ICD10.matcher(code).matches()
        && !into.contains(code)) {
      into.add(code);
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

  private static String upper(String s) {
    return s == null ? null : s.toUpperCase(Locale.ROOT);
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
