package com.practicestudio.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.practicestudio.hl7v2.AckCode;
import com.practicestudio.hl7v2.Acks;
import com.practicestudio.hl7v2.Hl7Message;
import com.practicestudio.mllp.MllpListener;
import com.practicestudio.sandbox.hl7.Hl7Run;
import com.practicestudio.sandbox.hl7.SentMessage;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Hl7ScriptFlagIT {

  @Test
  void a_script_named_by_hl7_script_is_sent_once_the_peer_started(@TempDir Path dir)
      throws Exception {
    List<String> received = new CopyOnWriteArrayList<>();
    MllpListener listener =
        MllpListener.builder()
            .bindAddress(new InetSocketAddress("localhost", 0))
            .handler(
                (frame, peer) -> {
                  Hl7Message message = Hl7Message.parse(frame.payload());
                  received.add(message.controlId());
                  return Acks.to(message)
                      .code(AckCode.AA)
                      .controlId("A" + received.size())
                      .at(OffsetDateTime.now(ZoneOffset.UTC))
                      .build()
                      .toBytes();
                })
            .errorAnswer((failure, peer) -> null)
            .build();
    listener.start();
    Path script = dir.resolve("script.json");
    Files.writeString(
        script,
        "{\"port\": "
            + listener.port()
            + ", \"generate\": [{\"type\": \"ORU^R01\", \"count\": 2}]}");
    try (CernerSandbox sandbox =
        SandboxMain.parse(
                new String[] {
                  "--port",
                  "0",
                  "--patients",
                  "40",
                  "--mllp-port",
                  "0",
                  "--hl7-script",
                  script.toString()
                })
            .build()
            .start()) {
      assertThat(sandbox.componentLines().get(0))
          .startsWith("MLLP peer: listening on localhost:" + sandbox.hl7().port())
          .contains("sending 2 messages to localhost:" + listener.port());
      Hl7Run run = sandbox.hl7().runs().get(0).await(Duration.ofSeconds(20));
      assertThat(run.messages()).extracting(SentMessage::ackCode).containsExactly("AA", "AA");
      assertThat(received)
          .containsExactlyElementsOf(run.messages().stream().map(SentMessage::controlId).toList());
    } finally {
      listener.stop(Duration.ofSeconds(1));
    }
  }

  @Test
  void without_an_mllp_port_there_is_no_peer_and_no_hl7_admin() {
    try (CernerSandbox sandbox = CernerSandbox.builder().patients(30).build().start()) {
      assertThat(sandbox.componentLines()).isEmpty();
      org.assertj.core.api.Assertions.assertThatThrownBy(sandbox::hl7)
          .hasMessageContaining("mllpPort");
      var response =
          new SandboxHttp(sandbox)
              .send(
                  java.net.http.HttpRequest.newBuilder(
                          java.net.URI.create(sandbox.urls().adminBase() + "/hl7/received"))
                      .build());
      assertThat(response.statusCode()).isEqualTo(404);
    }
  }
}
