package com.practicestudio.hl7.inbound;

import com.practicestudio.clinical.DocumentDraft;
import com.practicestudio.clinical.DocumentType;
import com.practicestudio.hl7v2.Segment;
import com.practicestudio.journal.ApplyContext;
import com.practicestudio.journal.Exchange;
import com.practicestudio.journal.ExchangeHandler;
import com.practicestudio.journal.Handles;
import com.practicestudio.journal.Outcome;
import com.practicestudio.journal.Payload;
import com.practicestudio.patients.Patient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * MDM T02 (original document notification and content): a clinical document from TXA — type TXA-2
 * (HL7 table 0270 mapped to LOINC; a LOINC code, with its system or bare as Cerner sends it, is
 * kept), availability TXA-19 / status, unique document number TXA-12 as {@code externalId}, author
 * TXA-9 (else TXA-5, TXA-22), written at TXA-6 (else TXA-4, TXA-7, MSH-7) — with the content of its
 * OBX segments: an ED value decoded to its type, or the TX/FT/ST lines joined as {@code
 * text/plain}.
 */
@Component
@Handles("HL7 INBOUND MDM^T02")
class MdmT02Handler implements ExchangeHandler {

  /** HL7 table 0270 document types and the LOINC document codes they correspond to. */
  static final Map<String, DocumentType> TYPES =
      Map.ofEntries(
          Map.entry("CN", new DocumentType("11488-4", "Consult note")),
          Map.entry("PC", new DocumentType("11488-4", "Consult note")),
          Map.entry("DI", new DocumentType("18748-4", "Diagnostic imaging study")),
          Map.entry("DS", new DocumentType("18842-5", "Discharge summary")),
          Map.entry("ED", new DocumentType("34878-9", "Emergency medicine note")),
          Map.entry("HP", new DocumentType("34117-2", "History and physical note")),
          Map.entry("OP", new DocumentType("11504-8", "Surgical operation note")),
          Map.entry("PN", new DocumentType("28570-0", "Procedure note")),
          Map.entry("PR", new DocumentType("11506-3", "Progress note")),
          Map.entry("SP", new DocumentType("11526-1", "Pathology study")),
          Map.entry("TS", new DocumentType("18761-7", "Transfer summary note")));

  static final DocumentType OTHER = new DocumentType("34133-9", "Summary of episode note");

  /** A LOINC code sent without its system (Cerner sends TXA-2 so): number, dash, check digit. */
  private static final Pattern LOINC_SHAPE = Pattern.compile("\\d{1,7}-\\d");

  private static final Map<String, String> FIELDS =
      Map.of(
          "type.code", "TXA-2",
          "type.display", "TXA-2.2",
          "title", "TXA-2.2",
          "status", "TXA-19",
          "authorId", "TXA-9",
          "createdTime", "TXA-6",
          "contentType", "OBX-5.2",
          "content", "OBX-5",
          "externalId", "TXA-12");

  private final InboundHandling handling;
  private final PatientRecords patients;
  private final EncounterRecords encounters;
  private final ProviderResolver providers;
  private final DocumentRecords documents;

  MdmT02Handler(
      InboundHandling handling,
      PatientRecords patients,
      EncounterRecords encounters,
      ProviderResolver providers,
      DocumentRecords documents) {
    this.handling = handling;
    this.patients = patients;
    this.encounters = encounters;
    this.providers = providers;
    this.documents = documents;
  }

  @Override
  public Outcome apply(Exchange exchange, Payload payload, ApplyContext context) {
    return handling.apply(exchange, payload, context, "MDM", this::document);
  }

  private Outcome document(Inbound in) {
    Segment pid = in.required("PID");
    Segment txa = in.required("TXA");
    EdContent content = content(in);
    PatientUpdate update = patients.read(in, pid);
    Patient patient = patients.findOrCreate(in, update);
    Long encounterId = encounters.link(in, pid, patient.id()).orElse(null);
    DocumentType type = type(txa);
    String title = Fields.text(txa, 2, 2) != null ? Fields.text(txa, 2, 2) : type.display();
    Instant written = written(in, txa);
    String externalId = Fields.text(txa, 12, 1);
    DocumentDraft draft =
        new DocumentDraft(
            ObxValues.cut(externalId, 200),
            patient.id(),
            encounterId,
            type,
            ObxValues.cut(title, 500),
            status(txa),
            author(in, txa).orElse(null),
            written,
            null,
            null,
            false,
            null);
    String key = "txa|" + update.keyText() + "|" + Fields.text(txa, 2, 1) + "|" + written;
    documents.upsert(in, draft, key, content, FIELDS);
    return Outcome.done();
  }

  /** TXA-2 as a LOINC document type. */
  static DocumentType type(Segment txa) {
    String code = Fields.text(txa, 2, 1);
    String text = Fields.text(txa, 2, 2);
    String system = Fields.text(txa, 2, 3);
    if (code != null
        && (ObxValues.isLoinc(system) || (system == null && LOINC_SHAPE.matcher(code).matches()))) {
      return new DocumentType(code, text);
    }
    DocumentType mapped = code == null ? null : TYPES.get(code.toUpperCase(Locale.ROOT));
    return mapped != null ? mapped : OTHER;
  }

  /** TXA-19 availability: canceled → entered-in-error, obsolete → superseded, else current. */
  static String status(Segment txa) {
    String availability = Fields.text(txa, 19);
    if (availability == null) {
      return "current";
    }
    return switch (availability.toUpperCase(Locale.ROOT)) {
      case "CA" -> "entered-in-error";
      case "OB" -> "superseded";
      default -> "current";
    };
  }

  private static Instant written(Inbound in, Segment txa) {
    MessageTimes times = in.times();
    for (int field : new int[] {6, 4, 7}) {
      Instant at = times.instant(txa, field, 1, null, "TXA-" + field);
      if (at != null) {
        return at;
      }
    }
    Instant sent = times.instant(in.required("MSH"), 7, 1, null, "MSH-7");
    if (sent == null) {
      throw Hl7HandlerError.MISSING_FIELD.failure("TXA-6, TXA-4 and MSH-7 give no document time");
    }
    return sent;
  }

  private Optional<Long> author(Inbound in, Segment txa) {
    for (int field : new int[] {9, 5, 22}) {
      Optional<Long> id = providers.resolve(in, Fields.xcn(txa, field, 1));
      if (id.isPresent()) {
        return id;
      }
    }
    return Optional.empty();
  }

  /** The first ED among the OBX segments, else their text lines; HL7-102 without any. */
  private static EdContent content(Inbound in) {
    List<Segment> obxs = in.message().segments("OBX");
    for (Segment obx : obxs) {
      if ("ED".equalsIgnoreCase(Fields.text(obx, 2))) {
        return EdContent.read(obx, "OBX-5");
      }
    }
    List<String> lines = new ArrayList<>();
    for (Segment obx : obxs) {
      for (int rep = 1; rep <= Math.max(1, obx.repetitionCount(5)); rep++) {
        lines.add(obx.plainText(5, rep, 1, 1).stripTrailing());
      }
    }
    String text = String.join("\n", lines).strip();
    if (text.isEmpty()) {
      throw Hl7HandlerError.MISSING_SEGMENT.failure(
          "OBX segments with the document's content are missing");
    }
    return EdContent.text(text + "\n");
  }
}
