package com.practicestudio.hl7.inbound;

import static org.awaitility.Awaitility.await;

import com.practicestudio.hl7v2.Hl7Message;
import com.practicestudio.journal.Channel;
import com.practicestudio.journal.Exchange;
import com.practicestudio.journal.ExchangeJournal;
import com.practicestudio.journal.InboundMessage;
import com.practicestudio.journal.Payload;
import com.practicestudio.journal.Recorded;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

/**
 * Records HL7 messages in the real journal, as a listener would, and waits for the server's workers
 * to apply them. Every recording gets a fresh sender id, so that the same corpus message can be
 * recorded again (test contexts share one database).
 */
final class InboundJournal {

  private final ExchangeJournal journal;
  private final String sender = "test-" + UUID.randomUUID();

  InboundJournal(ExchangeJournal journal) {
    this.journal = journal;
  }

  /** Records the message as {@code TYPE^TRIGGER} and answers its row once it is finished. */
  Exchange apply(Hl7Message message) {
    return finished(record(message.toBytes(), type(message)));
  }

  Exchange apply(String text) {
    return apply(Hl7Message.parse(text));
  }

  /** Records raw bytes under a type without waiting; answers the row id. */
  long record(byte[] bytes, String type) {
    Recorded recorded =
        journal.recordInbound(
            InboundMessage.of(
                Channel.HL7,
                type,
                sender,
                UUID.randomUUID().toString(),
                new Payload(bytes, "application/hl7-v2")));
    return recorded.id();
  }

  long record(String text, String type) {
    return record(text.getBytes(StandardCharsets.UTF_8), type);
  }

  Exchange finished(long id) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(25))
        .until(() -> journal.find(id).orElseThrow(), row -> row.status().finished());
  }

  static String type(Hl7Message message) {
    return message.messageType().strip() + "^" + message.triggerEvent().strip();
  }
}
