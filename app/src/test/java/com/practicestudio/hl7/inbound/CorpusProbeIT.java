package com.practicestudio.hl7.inbound;

import com.practicestudio.hl7v2.Hl7Batch;
import com.practicestudio.hl7v2.Hl7Message;
import com.practicestudio.journal.Exchange;
import com.practicestudio.journal.ExchangeJournal;
import com.practicestudio.testing.Corpus;
import com.practicestudio.testing.IntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

@IntegrationTest
@TestPropertySource(properties = "practice-studio.test.context=hl7-probe")
class CorpusProbeIT {

  @Autowired ExchangeJournal journal;

  @Test
  void probe() throws Exception {
    InboundJournal in = new InboundJournal(journal);
    Set<String> handled =
        Set.of(
            "ADT^A01", "ADT^A04", "ADT^A08", "ADT^A31", "ADT^A40", "SIU^S12", "SIU^S14", "SIU^S15",
            "ORU^R01", "DFT^P03", "MDM^T02");
    StringBuilder out = new StringBuilder();
    for (String folder :
        List.of("hl7v2/adt", "hl7v2/siu", "hl7v2/oru", "hl7v2/dft", "hl7v2/mdm", "hl7v2/batch")) {
      for (Path file : Corpus.files(folder)) {
        List<Hl7Message> messages;
        try {
          messages =
              Hl7Batch.split(Files.readAllBytes(file), Hl7Batch.Options.STRICT.withComments())
                  .messages();
        } catch (RuntimeException e) {
          out.append(file.getFileName())
              .append(" UNPARSEABLE ")
              .append(e.getMessage())
              .append('\n');
          continue;
        }
        int i = 0;
        for (Hl7Message m : messages) {
          i++;
          String type = InboundJournal.type(m);
          if (!handled.contains(type)) {
            out.append(file.getFileName())
                .append('#')
                .append(i)
                .append(' ')
                .append(type)
                .append(" not handled\n");
            continue;
          }
          Exchange row = in.apply(m);
          out.append(file.getFileName())
              .append('#')
              .append(i)
              .append(' ')
              .append(type)
              .append(' ')
              .append(row.status())
              .append(' ')
              .append(row.errorCode())
              .append(' ')
              .append(row.errorText())
              .append('\n');
        }
      }
    }
    System.out.println("PROBE\n" + out);
  }
}
