package com.practicestudio.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.practicestudio.security.audit.AuditAction;
import com.practicestudio.web.ConflictException;
import com.practicestudio.web.InvalidRequestException;
import com.practicestudio.web.NotFoundException;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The error queue: requeue, dry run and discard, alone and in bulk, each audited. */
class ReprocessingIT {

  private JournalFixture node;
  private RecordingHandler effects;
  private final AtomicBoolean broken = new AtomicBoolean(true);

  @BeforeEach
  void journalWithAFlakyHandler() {
    JournalDatabase.clean();
    node = new JournalFixture();
    effects = new RecordingHandler(node.jdbc, "a", 0);
    node.handle(
        "HL7 INBOUND ADT^*",
        (e, p, c) ->
            broken.get() ? Outcome.failed("TEST-422", "mapping missing") : effects.apply(e, p, c));
  }

  @org.junit.jupiter.api.AfterEach
  void close() {
    node.close();
  }

  @Test
  void a_dry_run_reports_what_would_change_and_changes_nothing() {
    long id = failedRow("d-1", "MRN:1");
    Exchange before = node.row(id);
    int eventsBefore = node.events(id).size();
    broken.set(false);

    DryRunReport report = node.reprocessing().dryRun(id);

    assertThat(report.outcome()).isEqualTo("APPLIED");
    assertThat(report.changes())
        .containsExactly(Change.create("journal_test_effect", Long.toString(id), List.of("node")));
    assertThat(node.row(id)).isEqualTo(before);
    assertThat(node.events(id)).hasSize(eventsBefore);
    assertThat(node.jdbc.sql("SELECT count(*) FROM journal_test_effect").query(Long.class).single())
        .as("the handler's write was rolled back")
        .isZero();
    assertThat(node.audits)
        .containsExactly(
            new JournalFixture.Audited(
                AuditAction.REPROCESS, id, java.util.Map.of("dryRun", true)));
  }

  @Test
  void a_requeued_row_is_applied_again_with_fresh_attempts() {
    long id = failedRow("q-1", "MRN:2");
    broken.set(false);

    Exchange requeued = node.reprocessing().requeue(id);
    assertThat(requeued.status()).isEqualTo(ExchangeStatus.RECEIVED);
    assertThat(requeued.attempts()).isZero();
    assertThat(requeued.errorCode()).isNull();
    node.pool("a", 1).runDue();

    Exchange row = node.row(id);
    assertThat(row.status()).isEqualTo(ExchangeStatus.APPLIED);
    assertThat(row.attempts()).isEqualTo(1);
    assertThat(node.events(id))
        .extracting(ExchangeEvent::kind)
        .containsExactly("FAILED", "REQUEUED", "APPLIED");
    assertThat(node.audits)
        .extracting(JournalFixture.Audited::action, JournalFixture.Audited::exchangeId)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(AuditAction.REPROCESS, id));
  }

  @Test
  void only_finished_rows_can_be_requeued() {
    long waiting = node.inbound("ADT^A04", "LAB", "w-1", null, "MSH|").id();
    assertThatThrownBy(() -> node.reprocessing().requeue(waiting))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("RECEIVED");
    assertThatThrownBy(() -> node.reprocessing().requeue(999_999))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void bulk_reprocess_by_ids_skips_what_it_cannot_requeue() {
    long a = failedRow("b-1", null);
    long b = failedRow("b-2", null);
    long waiting = node.inbound("ADT^A04", "LAB", "b-3", null, "MSH|").id();

    ReprocessResult result = node.reprocessing().reprocess(List.of(a, b, waiting, 424242L), false);

    assertThat(result.requeued()).containsExactly(a, b);
    assertThat(result.skipped())
        .containsExactly(
            new ReprocessResult.Skipped(waiting, "status RECEIVED cannot be reprocessed"),
            new ReprocessResult.Skipped(424242L, "not found"));
    assertThat(node.audits).hasSize(2);
  }

  @Test
  void bulk_reprocess_by_filter_takes_failed_rows_matching_it() {
    long lab1 = failedRow("f-1", null);
    long lab2 = failedRow("f-2", null);
    broken.set(false);
    long applied = node.inbound("ADT^A04", "LAB", "f-3", null, "MSH|").id();
    node.pool("a", 1).runDue();
    ExchangeQuery lab =
        new ExchangeQuery(
            Channel.HL7, Direction.INBOUND, "ADT^*", null, null, null, null, "LAB", null);

    ReprocessResult dry = node.reprocessing().reprocess(lab, true);
    assertThat(dry.requeued()).isEmpty();
    assertThat(dry.dryRuns()).extracting(DryRunReport::exchangeId).containsExactly(lab1, lab2);
    assertThat(node.row(lab1).status()).isEqualTo(ExchangeStatus.FAILED);

    ReprocessResult real = node.reprocessing().reprocess(lab, false);
    assertThat(real.requeued()).containsExactly(lab1, lab2);
    assertThat(real.truncated()).isFalse();
    assertThat(node.row(applied).status()).isEqualTo(ExchangeStatus.APPLIED);

    assertThatThrownBy(
            () -> node.reprocessing().reprocess(lab.withStatus(ExchangeStatus.RECEIVED), false))
        .isInstanceOf(InvalidRequestException.class);
  }

  @Test
  void a_discard_needs_a_reason_and_lets_later_rows_of_the_key_go_ahead() {
    node.handlers.put("HL7 INBOUND SIU^S12", (e, p, c) -> Outcome.retry("TEST-503", "remote down"));
    long stuck = node.inbound("SIU^S12", "LAB", "x-1", "MRN:3", "MSH|").id();
    long behind = node.inbound("ADT^A08", "LAB", "x-2", "MRN:3", "MSH|").id();
    broken.set(false);
    WorkerPool pool = node.pool("a", 1);
    pool.runDue();
    assertThat(node.row(behind).status()).isEqualTo(ExchangeStatus.RECEIVED);

    assertThatThrownBy(() -> node.reprocessing().discard(stuck, " "))
        .isInstanceOf(InvalidRequestException.class)
        .satisfies(
            e ->
                assertThat(((InvalidRequestException) e).problems().get(0).field())
                    .isEqualTo("reason"));
    Exchange discarded = node.reprocessing().discard(stuck, "superseded by x-2");
    pool.runDue();

    assertThat(discarded.status()).isEqualTo(ExchangeStatus.DISCARDED);
    assertThat(node.row(behind).status()).isEqualTo(ExchangeStatus.APPLIED);
    assertThat(node.events(stuck))
        .filteredOn(e -> e.kind().equals("DISCARDED"))
        .singleElement()
        .satisfies(e -> assertThat(e.note()).isEqualTo("superseded by x-2"));
    assertThat(node.audits)
        .containsExactly(
            new JournalFixture.Audited(
                AuditAction.DISCARD, stuck, java.util.Map.of("reason", "superseded by x-2")));
    assertThatThrownBy(() -> node.reprocessing().discard(behind, "too late"))
        .isInstanceOf(ConflictException.class);
  }

  private long failedRow(String messageId, String key) {
    long id = node.inbound("ADT^A04", "LAB", messageId, key, "MSH|").id();
    node.pool("a", 1).runDue();
    assertThat(node.row(id).status()).isEqualTo(ExchangeStatus.FAILED);
    return id;
  }
}
