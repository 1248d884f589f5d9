package com.practicestudio.hl7.inbound;

import com.practicestudio.billing.ChargeDraft;
import com.practicestudio.hl7.inbound.Fields.Coded;
import com.practicestudio.hl7v2.Hl7Message;
import com.practicestudio.hl7v2.Segment;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Maps an FT1 segment onto a charge: transaction id FT1-2 ({@code externalId}), date FT1-4, code
 * FT1-7 when it is a CPT/HCPCS code (else the procedure code FT1-25), modifiers FT1-26, quantity
 * FT1-10, extended and unit amounts FT1-11/FT1-12 (USD), ICD-10 diagnoses from FT1-19 (else from
 * DG1-3; codes of other systems such as SNOMED or ICD-9 are left out).
 */
final class Ft1Mapper {

  private static final Pattern PROCEDURE = Pattern.compile("\\d{4}[0-9FTU]|[A-V]\\d{4}");
  private static final Pattern ICD10 = Pattern.compile("[A-TV-Z]\\d[0-9A-Z](\\.?[0-9A-Z]{1,4})?");
  private static final Set<String> ICD10_SYSTEMS =
      Set.of("I10", "I10C", "ICD10", "ICD10CM", "ICD-10", "ICD-10-CM", "2.16.840.1.113883.6.90");
  private static final Pattern TABLE_CODE = Pattern.compile("[A-Za-z]{1,3}");
  private static final int MAX_DIAGNOSES = 12;

  private Ft1Mapper() {}

  /**
   * Refuses an FT1 that is no charge (FT1-6 other than {@code CG}; none given counts as a charge)
   * with HL7-112 naming the transaction type.
   *
   * <p>A charge has no negative amount and no credit kind, and an FT1 credit ({@code CD}) names no
   * charge it reverses: voiding one that looks alike (same code, date, amount) could void the wrong
   * service. Payments ({@code PY}) and adjustments ({@code AJ}) are no charges at all. Left out
   * silently, any of them would leave the account overstated with the message APPLIED; so the whole
   * message stops in the error queue (its charges too, as a DFT posts as one), where an operator
   * books it by hand and discards the row. A site that never takes such transactions from Cerner
   * says so with an interface filter rule (IGNORE on FT1-6), which keeps them visible.
   *
   * @param at how the failure names this FT1, e.g. {@code FT1(2)}
   */
  static void requireCharge(Segment ft1, String at) {
    String type = Fields.text(ft1, 6, 1);
    if (type != null && !type.equalsIgnoreCase("CG")) {
      // an HL7 table 0017 code is no PHI; anything else is not quoted
      String shown = TABLE_CODE.matcher(type).matches() ? type.toUpperCase(Locale.ROOT) + " " : "";
      throw Hl7HandlerError.TRANSACTION_NOT_APPLIED.failure(
          at + "-6 transaction type " + shown + "is not applied: only charges (CG) are posted");
    }
  }

  /**
   * The charge the FT1 describes.
   *
   * @param at how failures name this FT1, e.g. {@code FT1(2)}
   */
  static ChargeDraft draft(
      Hl7Message message,
      Segment ft1,
      String at,
      long patientId,
      Long encounterId,
      Long providerId) {
    LocalDate date = Fields.date(ft1, 4, 1, at + "-4");
    if (date == null) {
      throw Hl7HandlerError.MISSING_FIELD.failure(at + "-4 gives no transaction date");
    }
    String[] code = code(ft1);
    if (code == null) {
      throw Hl7HandlerError.MISSING_FIELD.failure(at + "-7 and -25 give no procedure code");
    }
    return new ChargeDraft(
        Fields.text(ft1, 2, 1),
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
        diagnoses(message, ft1),
        providerId,
        null,
        null);
  }

  /**
   * The business key of a charge without transaction id: patient, the message (its sender
   * MSH-3^MSH-4 and what it says, {@code contentKey}, {@link Inbound#contentKey}), set id, date and
   * code. A DFT posts new transactions, so two messages make two charges even when their lines read
   * alike, also under a reused MSH-10; the same message again (a reprocess, or a resend under a new
   * MSH-7 or MSH-10) finds its charges again instead of billing twice.
   */
  static String key(
      PatientUpdate patient,
      Hl7Message message,
      String contentKey,
      Segment ft1,
      ChargeDraft draft) {
    return "ft1|"
        + patient.keyText()
        + "|msg:"
        + message.raw("MSH-3")
        + "^"
        + message.raw("MSH-4")
        + "^"
        + contentKey
        + "|"
        + Fields.text(ft1, 1)
        + "|"
        + draft.serviceDate()
        + "|"
        + draft.code();
  }

  /** Code and description: FT1-7 when shaped like CPT/HCPCS, else FT1-25, else FT1-7 as sent. */
  static String[] code(Segment ft1) {
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

  /** A CP amount (price&amp;currency); USD only. */
  private static BigDecimal money(Segment ft1, int field, String name) {
    BigDecimal amount = Fields.number(Fields.text(ft1, field, 1, 1, 1), name);
    String currency = Fields.text(ft1, field, 1, 1, 2);
    if (amount != null && currency != null && !currency.equalsIgnoreCase("USD")) {
      throw Hl7HandlerError.REFUSED_VALUE.failure(name + " is not in USD");
    }
    return amount;
  }

  /** ICD-10 codes of FT1-19, else of the DG1 segments (DG1-3), at most twelve. */
  static List<String> diagnoses(Hl7Message message, Segment ft1) {
    List<String> codes = new ArrayList<>();
    for (int rep = 1; rep <= ft1.repetitionCount(19); rep++) {
      icd10(Fields.coded(ft1, 19, rep), codes);
    }
    if (codes.isEmpty()) {
      for (Segment dg1 : message.segments("DG1")) {
        Coded c = Fields.coded(dg1, 3, 1);
        String method = Fields.text(dg1, 2);
        icd10(
            c.system() == null && method != null ? new Coded(c.code(), c.text(), method) : c,
            codes);
      }
    }
    return codes.size() > MAX_DIAGNOSES ? codes.subList(0, MAX_DIAGNOSES) : codes;
  }

  private static void icd10(Coded c, List<String> into) {
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

  private static String upper(String s) {
    return s == null ? null : s.toUpperCase(Locale.ROOT);
  }
}
