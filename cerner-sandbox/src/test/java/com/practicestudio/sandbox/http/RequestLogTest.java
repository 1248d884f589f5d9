package com.practicestudio.sandbox.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RequestLogTest {

  private static final Instant AT = Instant.parse("2026-11-26T11:00:00Z");

  @Test
  void a_reader_waits_for_an_answer_still_being_logged() throws Exception {
    RequestLog log = new RequestLog();
    log.answering();
    CompletableFuture<Void> logged =
        CompletableFuture.runAsync(
            () -> log.answered(new RequestLog.Entry(AT, "GET", "/r4/t/Patient", 400)),
            CompletableFuture.delayedExecutor(200, TimeUnit.MILLISECONDS));

    assertThat(log.entries()).extracting(RequestLog.Entry::status).containsExactly(400);
    assertThat(log.count("GET", "/r4/")).isEqualTo(1);
    logged.get(5, TimeUnit.SECONDS);
  }

  @Test
  void requests_the_readers_need_not_wait_for_are_logged_at_once() {
    RequestLog log = new RequestLog();
    log.add(new RequestLog.Entry(AT, "POST", "/admin/reset", 200));

    assertThat(log.entries()).extracting(RequestLog.Entry::path).containsExactly("/admin/reset");
    log.clear();
    assertThat(log.entries()).isEmpty();
  }
}
