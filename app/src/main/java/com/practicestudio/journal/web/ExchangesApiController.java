package com.practicestudio.journal.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.practicestudio.journal.Channel;
import com.practicestudio.journal.Direction;
import com.practicestudio.journal.Exchange;
import com.practicestudio.journal.ExchangeEvent;
import com.practicestudio.journal.ExchangeJournal;
import com.practicestudio.journal.ExchangeQuery;
import com.practicestudio.journal.ExchangeStats;
import com.practicestudio.journal.ExchangeStatus;
import com.practicestudio.journal.Payload;
import com.practicestudio.journal.ReprocessResult;
import com.practicestudio.journal.Reprocessing;
import com.practicestudio.ops.PayloadRenderer;
import com.practicestudio.security.Actor;
import com.practicestudio.security.Permission;
import com.practicestudio.web.InvalidRequestException;
import com.practicestudio.web.NotFoundException;
import com.practicestudio.web.Page;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The journal over HTTP: list and filter rows (newest first), read one (its payload, raw and parsed
 * where a {@link PayloadRenderer} understands it, only with {@code PHI_READ}, audited), its
 * history, dashboard counts, reprocess and discard.
 */
@RestController
@RequestMapping("/api/v1/exchanges")
@PreAuthorize("hasAuthority('RECORDS_READ')")
class ExchangesApiController {

  private static final Duration DEFAULT_STATS_WINDOW = Duration.ofHours(24);

  private final ExchangeJournal journal;
  private final Reprocessing reprocessing;
  private final Clock clock;
  private final List<PayloadRenderer> renderers;

  ExchangesApiController(
      ExchangeJournal journal,
      Reprocessing reprocessing,
      Clock clock,
      List<PayloadRenderer> renderers) {
    this.journal = journal;
    this.reprocessing = reprocessing;
    this.clock = clock;
    this.renderers = renderers;
  }

  @GetMapping
  Page<Exchange> list(
      @RequestParam(required = false) Channel channel,
      @RequestParam(required = false) Direction direction,
      @RequestParam(required = false) String type,
      @RequestParam(required = false) ExchangeStatus status,
      @RequestParam(required = false) Instant from,
      @RequestParam(required = false) Instant to,
      @RequestParam(required = false) String correlationKey,
      @RequestParam(required = false) String sender,
      @RequestParam(required = false) String q,
      @RequestParam(required = false) Integer limit,
      @RequestParam(required = false) String cursor) {
    ExchangeQuery query =
        new ExchangeQuery(channel, direction, type, status, from, to, correlationKey, sender, q);
    return journal.search(query, Page.limit(limit), cursor);
  }

  @GetMapping("/stats")
  ExchangeStats stats(
      @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to) {
    Instant end = to == null ? clock.instant() : to;
    Instant start = from == null ? end.minus(DEFAULT_STATS_WINDOW) : from;
    if (!start.isBefore(end)) {
      throw new InvalidRequestException("from", "must be before to");
    }
    return journal.stats(start, end);
  }

  @GetMapping("/{id}")
  ExchangeDetail get(@PathVariable long id) {
    Exchange row = journal.find(id).orElseThrow(() -> new NotFoundException("exchange", id));
    PayloadView payload =
        Actor.can(Permission.PHI_READ)
            ? journal
                .readPayload(id, "api")
                .map(p -> PayloadView.of(p, parsed(row, p)))
                .orElse(null)
            : null;
    return new ExchangeDetail(row, payload);
  }

  private PayloadRenderer.Parsed parsed(Exchange row, Payload payload) {
    return renderers.stream()
        .map(r -> r.render(row, payload).orElse(null))
        .filter(Objects::nonNull)
        .findFirst()
        .orElse(null);
  }

  @GetMapping("/{id}/events")
  Page<ExchangeEvent> events(@PathVariable long id) {
    journal.find(id).orElseThrow(() -> new NotFoundException("exchange", id));
    return new Page<>(journal.events(id), null);
  }

  @PostMapping("/{id}/reprocess")
  @PreAuthorize("hasAuthority('REPROCESS')")
  Object reprocess(@PathVariable long id, @RequestBody(required = false) ReprocessRequest body) {
    if (body != null && Boolean.TRUE.equals(body.dryRun())) {
      return reprocessing.dryRun(id);
    }
    return reprocessing.requeue(id);
  }

  @PostMapping("/reprocess")
  @PreAuthorize("hasAuthority('REPROCESS')")
  ReprocessResult reprocessMany(@RequestBody(required = false) BulkReprocessRequest body) {
    if (body == null || (body.ids() == null && body.filter() == null)) {
      throw new InvalidRequestException("ids", "give ids or a filter");
    }
    if (body.ids() != null && body.filter() != null) {
      throw new InvalidRequestException("filter", "give ids or a filter, not both");
    }
    boolean dryRun = Boolean.TRUE.equals(body.dryRun());
    return body.ids() != null
        ? reprocessing.reprocess(body.ids(), dryRun)
        : reprocessing.reprocess(body.filter().toQuery(), dryRun);
  }

  @PostMapping("/{id}/discard")
  @PreAuthorize("hasAuthority('DISCARD')")
  Exchange discard(@PathVariable long id, @RequestBody(required = false) DiscardRequest body) {
    return reprocessing.discard(id, body == null ? null : body.reason());
  }

  /** {@code {"dryRun": true}} to see what would change without changing anything. */
  record ReprocessRequest(Boolean dryRun) {}

  /** Rows by id, or by a filter (FAILED rows unless it names another status). */
  record BulkReprocessRequest(List<Long> ids, Filter filter, Boolean dryRun) {}

  record Filter(
      Channel channel,
      Direction direction,
      String type,
      ExchangeStatus status,
      Instant from,
      Instant to,
      String correlationKey,
      String sender,
      String q) {

    ExchangeQuery toQuery() {
      return new ExchangeQuery(
          channel, direction, type, status, from, to, correlationKey, sender, q);
    }
  }

  record DiscardRequest(String reason) {}

  /** A row's metadata and, for users allowed PHI, its payload. */
  record ExchangeDetail(
      @JsonUnwrapped Exchange exchange,
      @JsonInclude(JsonInclude.Include.NON_NULL) PayloadView payload) {}

  /**
   * @param encoding {@code text} (decoded with the content type's charset) or {@code base64}
   * @param parsed the payload read by its channel (HL7 v2: one row per valued field — segment,
   *     field, value), as the console shows it; absent when no reader understands the channel
   */
  record PayloadView(
      String contentType,
      int size,
      String encoding,
      String data,
      @JsonInclude(JsonInclude.Include.NON_NULL) PayloadRenderer.Parsed parsed) {

    static PayloadView of(Payload p, PayloadRenderer.Parsed parsed) {
      return p.textual()
          ? new PayloadView(p.contentType(), p.size(), "text", p.text(), parsed)
          : new PayloadView(
              p.contentType(),
              p.size(),
              "base64",
              Base64.getEncoder().encodeToString(p.bytes()),
              parsed);
    }
  }
}
