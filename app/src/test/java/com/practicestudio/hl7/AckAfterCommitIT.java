package com.practicestudio.hl7;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Nothing is acknowledged before its journal row is committed. */
@Hl7IntegrationTest
class AckAfterCommitIT {

  @Autowired Hl7Interfaces interfaces;
  @Autowired InterfaceRegistry registry;
  @Autowired DataSource dataSource;
  @Autowired JdbcClient jdbc;

  @Test
  void no_ack_arrives_while_the_journal_write_is_held_and_aa_arrives_after_it_commits()
      throws Exception {
    TestInterfaces make = new TestInterfaces(interfaces, registry);
    Hl7Interface itf = make.listener(null, null);
    String id = Hl7Samples.unique();
    try (MllpPeer peer = new MllpPeer(make.port(itf));
        Connection blocker = dataSource.getConnection()) {
      blocker.setAutoCommit(false);
      try (Statement s = blocker.createStatement()) {
        // writers (INSERT) wait for this lock; readers do not
        s.execute("LOCK TABLE exchange IN EXCLUSIVE MODE");
      }
      peer.send(Hl7Samples.adt("A04", id, "M" + id));

      assertThat(peer.silentFor(Duration.ofSeconds(2))).as("no ACK before the commit").isTrue();
      assertThat(stored(id)).isZero();

      blocker.commit(); // releases the lock: the writer inserts and commits, then the ACK leaves
      String ack = peer.answer(Duration.ofSeconds(15));
      assertThat(ack).contains("MSA|AA|" + id);
      assertThat(stored(id)).as("committed before the ACK was sent").isEqualTo(1);
    }
  }

  private long stored(String id) {
    return jdbc.sql("SELECT count(*) FROM exchange WHERE message_id = ?")
        .param(id)
        .query(Long.class)
        .single();
  }
}
