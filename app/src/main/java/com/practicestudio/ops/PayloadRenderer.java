package com.practicestudio.ops;

import com.practicestudio.journal.Exchange;
import com.practicestudio.journal.Payload;
import java.util.List;
import java.util.Optional;

/**
 * Shows a payload parsed, beside its raw text, on the console's exchange page. Channels that
 * understand their payloads (HL7 v2, FHIR, X12) declare one as a bean; the first that answers wins.
 */
public interface PayloadRenderer {

  Optional<Parsed> render(Exchange exchange, Payload payload);

  /**
   * A parsed payload as a table.
   *
   * @param title e.g. {@code HL7 v2.3 ADT^A04}
   * @param columns column headings
   * @param rows cells as text (escaped by the template)
   */
  record Parsed(String title, List<String> columns, List<List<String>> rows) {}
}
