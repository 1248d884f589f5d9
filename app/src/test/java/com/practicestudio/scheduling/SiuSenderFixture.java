package com.practicestudio.scheduling;

import com.practicestudio.hl7.Hl7Interface;
import com.practicestudio.hl7.Hl7Interfaces;
import com.practicestudio.hl7.InterfaceInput;
import com.practicestudio.hl7v2.AckCode;
import com.practicestudio.hl7v2.Acks;
import com.practicestudio.hl7v2.Hl7Message;
import com.practicestudio.mllp.MllpListener;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An enabled sender interface that carries SIU, for one test: without one no SIU rows are written.
 * It delivers to an in-test MLLP peer that accepts everything and keeps what it received. Close it
 * after the test, so that other tests of the shared context see no SIU sender.
 */
public final class SiuSenderFixture implements AutoCloseable {

  /** An outbound journal row: {@code SIU^S12} and its status. */
  public record Row(String messageType, String status) {}

  private final Hl7Interfaces interfaces;
  private final JdbcClient jdbc;
  private final MllpListener peer;
  private final Hl7Interface sender;
  private final Map<String, List<Hl7Message>> received = new ConcurrentHashMap<>();

  public SiuSenderFixture(Hl7Interfaces interfaces, JdbcClient jdbc) throws IOException {
    this.interfaces = interfaces;
    this.jdbc = jdbc;
    this.peer =
        MllpListener.builder()
            .bindAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
            .name("siu-peer")
            .handler(
                (frame, from) -> {
                  Hl7Message m = Hl7Message.parse(frame.payload());
                  received
                      .computeIfAbsent(m.get("SCH-1.1"), id -> new CopyOnWriteArrayList<>())
                      .add(m);
                  return Acks.to(m)
                      .code(AckCode.AA)
                      .controlId("PEER" + UUID.randomUUID().toString().substring(0, 8))
                      .at(OffsetDateTime.now(ZoneOffset.UTC))
                      .build()
                      .toBytes();
                })
            .errorAnswer((failure, from) -> new byte[] {'x'})
            .build();
    peer.start();
    this.sender =
        interfaces.create(
            new InterfaceInput(
                "siu-" + RecordsFixture.unique(),
                "sender",
                true,
                null,
                new InterfaceInput.Sender(
                    "127.0.0.1",
                    peer.port(),
                    null,
                    2_000L,
                    2_000L,
                    new InterfaceInput.Retry(5, 50L, 1.0, 100L),
                    List.of("SIU")),
                null));
  }

  /** The outbound rows the journal holds for a patient's appointments, oldest first. */
  public List<Row> rows(long patientId) {
    return jdbc.sql(
            "SELECT message_type, status FROM exchange WHERE direction = 'OUTBOUND'"
                + " AND correlation_key = ? ORDER BY id")
        .param("patient:" + patientId)
        .query((rs, n) -> new Row(rs.getString("message_type"), rs.getString("status")))
        .list();
  }

  public List<String> messageTypes(long patientId) {
    return rows(patientId).stream().map(Row::messageType).toList();
  }

  /** The messages the peer received about an appointment (by SCH-1), in arrival order. */
  public List<Hl7Message> receivedFor(long appointmentId) {
    return List.copyOf(received.getOrDefault(Long.toString(appointmentId), List.of()));
  }

  @Override
  public void close() {
    interfaces.delete(sender.id());
    peer.stop(Duration.ofSeconds(1));
  }
}
