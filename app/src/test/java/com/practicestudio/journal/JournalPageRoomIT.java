package com.practicestudio.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A claim rewrites every row of a backlog's pages in one statement. A journal row's claimed version
 * must fit on the row's page to be written without index entries (a HOT update), and a queue row's
 * on its page not to be moved to another one, with a row lock written first. With the journal's
 * pages filled to 70 % and the queue's to 100 %, about half of a full page's claimed versions went
 * elsewhere (V115 leaves them room).
 */
class JournalPageRoomIT {

  private static final int ROWS = 200;

  private JournalFixture node;
  private final Map<Long, Long> queuePageBeforeClaim = new HashMap<>();
  private final AtomicInteger claimedBesideTheirRow = new AtomicInteger();
  private final AtomicInteger queuedClaimedOnTheirPage = new AtomicInteger();

  @BeforeEach
  void journal() {
    JournalDatabase.clean();
    node = new JournalFixture().handle("HL7 INBOUND *", this::seeClaimedVersions);
  }

  /** A handler that looks at the row as claimed: its versions have not been finished yet. */
  private Outcome seeClaimedVersions(Exchange e, Payload payload, ApplyContext context) {
    claimedBesideTheirRow.addAndGet((int) node.heapOnly(List.of(e.id())));
    if (queuePage(e.id()) == queuePageBeforeClaim.get(e.id())) {
      queuedClaimedOnTheirPage.incrementAndGet();
    }
    return Outcome.done();
  }

  @AfterEach
  void close() {
    node.close();
  }

  @Test
  void claiming_whole_pages_of_a_backlog_writes_every_claimed_version_beside_its_row() {
    node.heapOnly(List.of()); // the extension, before any handler reads pages
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < ROWS; i++) {
      ids.add(node.inbound("ADT^A04", "LAB", "room-" + i, "MRN:" + i, "MSH|^~\\&|LAB|" + i).id());
    }
    ids.forEach(id -> queuePageBeforeClaim.put(id, queuePage(id)));

    assertThat(node.pool("a", 1).runDue()).isEqualTo(ROWS);

    assertThat(claimedBesideTheirRow.get())
        .as("journal rows' claimed versions written on their page without index entries")
        .isEqualTo(ROWS);
    assertThat(queuedClaimedOnTheirPage.get())
        .as("queue rows' claimed versions written on their page")
        .isEqualTo(ROWS);
    assertThat(node.heapOnly(ids)).as("applied versions written the same way").isEqualTo(ROWS);
  }

  private long queuePage(long id) {
    return node.jdbc
        .sql("SELECT (ctid::text::point)[0]::bigint FROM exchange_queue WHERE exchange_id = ?")
        .param(id)
        .query(Long.class)
        .single();
  }
}
