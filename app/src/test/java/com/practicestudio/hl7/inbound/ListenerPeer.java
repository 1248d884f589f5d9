package com.practicestudio.hl7.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import com.practicestudio.hl7.MllpPeer;
import com.practicestudio.hl7v2.Hl7Message;
import com.practicestudio.hl7v2.MessageBuilder;
import java.io.IOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A lock-step peer of a live listener: sends one message, reads its ACK, and finds the journal row
 * the message made. Public sample files reuse control ids (several are {@code MSG00001}), some for
 * the very same message (a batch file repeats single files' SIUs); sent as they are, such copies
 * would rightly be answered as duplicates and not show an outcome of their own, so a reused MSH-10
 * is made unique before sending.
 */
final class ListenerPeer implements AutoCloseable {

  private static final Duration WAIT = Duration.ofSeconds(15);

  private final MllpPeer peer;
  private final JdbcClient jdbc;
  private final String endpoint;
  private final Set<String> controlIds = new HashSet<>();
  private long newestRow;

  /** What the listener answered (MSA-1, the ERR text if any) and the row it recorded. */
  record Answer(String ackCode, String ack, long rowId) {}

  ListenerPeer(int port, JdbcClient jdbc, String endpoint) throws IOException {
    this.peer = new MllpPeer(port);
    this.jdbc = jdbc;
    this.endpoint = endpoint;
    this.newestRow = newestRow();
  }

  Answer send(Hl7Message message) throws IOException {
    String controlId = message.controlId();
    Hl7Message sent = message;
    if (!controlId.isBlank() && !controlIds.add(controlId)) {
      String unique = controlId + "-" + controlIds.size();
      controlIds.add(unique);
      sent = MessageBuilder.from(message).set("MSH-10", unique).build();
    }
    return send(sent.toBytes());
  }

  /** Sends bytes as they are (a file the test could not split into messages). */
  Answer send(byte[] payload) throws IOException {
    peer.send(payload);
    String ack = peer.answer(WAIT);
    long row = newestRow();
    assertThat(row)
        .as("the listener records every frame before it answers")
        .isGreaterThan(newestRow);
    newestRow = row;
    return new Answer(Hl7Message.parse(ack).get("MSA-1"), ack, row);
  }

  private long newestRow() {
    return jdbc.sql("SELECT coalesce(max(id), 0) FROM exchange WHERE endpoint = ?")
        .param(endpoint)
        .query(Long.class)
        .single();
  }

  @Override
  public void close() throws IOException {
    peer.close();
  }
}
