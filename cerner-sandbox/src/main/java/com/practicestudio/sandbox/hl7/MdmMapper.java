package com.practicestudio.sandbox.hl7;

import com.practicestudio.hl7v2.Hl7Message;
import com.practicestudio.sandbox.data.DocumentRecord;
import com.practicestudio.sandbox.data.EncounterRecord;
import com.practicestudio.sandbox.data.ProviderRecord;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MDM T02 (original document with content) for a text or XHTML document, v2.3: MSH, EVN, PID, PV1,
 * TXA (LOINC document type, times, author, unique document number, authenticated and available),
 * then one OBX TX per line of text.
 */
final class MdmMapper {

  private static final Pattern PARAGRAPH = Pattern.compile("<p>(.*?)</p>", Pattern.DOTALL);

  private final Domain domain;
  private final HeaderMapper header;
  private final PersonMapper person;
  private final VisitMapper visit;

  MdmMapper(Domain domain) {
    this.domain = domain;
    this.header = new HeaderMapper(domain);
    this.person = new PersonMapper(domain);
    this.visit = new VisitMapper(domain);
  }

  /** True for documents whose content is text lines (plain text or XHTML). */
  static boolean hasText(DocumentRecord document) {
    return document.contentType().equals("text/plain")
        || document.contentType().equals("application/xhtml+xml");
  }

  Hl7Message document(DocumentRecord document, EncounterRecord encounter) {
    ZoneId zone = domain.zone(encounter.locationId());
    MessageWriter message = new MessageWriter();
    header.msh(message, MessageKind.MDM_T02, zone);
    header.evn(message, MessageKind.MDM_T02, zone);
    person.pid(message, domain.patient(document.patientId()), encounter);
    visit.pv1(message, encounter);
    String created = CernerFormats.time(document.created(), zone);
    txa(message, document, created);
    List<String> lines = lines(document);
    for (int i = 0; i < lines.size(); i++) {
      message
          .add("OBX")
          .set("1", i + 1)
          .set("2", "TX")
          .set("3.1", document.type().code())
          .set("3.2", document.type().display())
          .set("3.3", "LN")
          .set("4", "1")
          .set("5", lines.get(i))
          .set("11", "F")
          .set("14", created);
    }
    return message.build();
  }

  private void txa(MessageWriter message, DocumentRecord document, String created) {
    MessageWriter.Seg txa =
        message
            .add("TXA")
            .set("1", "1")
            .set("2", document.type().code())
            .set("3", "TX")
            .set("4", created)
            .set("6", created)
            .set("12.1", Long.toString(document.documentId()))
            .set("17", "AU")
            .set("18", "U")
            .set("19", "AV");
    if (document.authorId() != null) {
      ProviderRecord author = domain.provider(document.authorId());
      visit.providerOnce(txa, "5", author);
      visit.providerOnce(txa, "22", author);
    }
  }

  /** The document's text, one entry per line (XHTML: per paragraph). */
  static List<String> lines(DocumentRecord document) {
    String text = new String(document.content(), StandardCharsets.UTF_8);
    if (document.contentType().equals("text/plain")) {
      return text.lines().filter(line -> !line.isBlank()).toList();
    }
    List<String> lines = new ArrayList<>();
    Matcher paragraph = PARAGRAPH.matcher(text);
    while (paragraph.find()) {
      lines.add(paragraph.group(1).replace("&lt;", "<").replace("&amp;", "&"));
    }
    return lines;
  }
}
