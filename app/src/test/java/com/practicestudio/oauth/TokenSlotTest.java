package com.practicestudio.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TokenSlotTest {

  final MutableClock clock = new MutableClock(Instant.parse("2026-11-19T14:30:00Z"));
  final TokenSlot slot = new TokenSlot(clock, Duration.ofSeconds(60));
  final AtomicInteger grants = new AtomicInteger();

  @Test
  void callers_arriving_during_a_grant_wait_for_it_and_a_failure_reaches_them_all()
      throws Exception {
    CountDownLatch inGrant = new CountDownLatch(1);
    CountDownLatch entered = new CountDownLatch(8);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<AccessToken>> calls = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        calls.add(
            pool.submit(
                () -> {
                  entered.countDown();
                  return slot.get(
                      () -> {
                        grants.incrementAndGet();
                        inGrant.countDown();
                        await(release);
                        throw new OAuthException(OAuthError.TOKEN_ENDPOINT_UNAVAILABLE, "503");
                      });
                }));
      }
      assertThat(inGrant.await(5, TimeUnit.SECONDS)).isTrue();
      assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
      Thread.sleep(300); // the callers are past their latch: let them reach the slot
      release.countDown();
      for (Future<AccessToken> call : calls) {
        assertThatThrownBy(call::get).hasCauseInstanceOf(OAuthException.class);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(grants).hasValue(1);
    assertThat(slot.get(this::token).value()).isEqualTo("t2");
  }

  @Test
  void a_fresh_token_is_reused_until_the_margin_then_replaced() {
    AccessToken first = slot.get(this::token);
    clock.advance(Duration.ofSeconds(239));
    assertThat(slot.get(this::token)).isEqualTo(first);
    clock.advance(Duration.ofSeconds(1)); // 240 s of 300: the 60 s margin begins
    assertThat(slot.get(this::token)).isNotEqualTo(first);
    assertThat(grants).hasValue(2);
  }

  @Test
  void a_short_lived_token_is_replaced_at_half_its_life_at_the_latest() {
    AccessToken first = slot.get(() -> token(Duration.ofSeconds(40)));
    clock.advance(Duration.ofSeconds(19));
    assertThat(slot.get(this::token)).isEqualTo(first);
    clock.advance(Duration.ofSeconds(1));
    assertThat(slot.get(this::token)).isNotEqualTo(first);
  }

  @Test
  void invalidate_drops_only_the_named_token() {
    AccessToken first = slot.get(this::token);
    slot.invalidate("something else");
    assertThat(slot.get(this::token)).isEqualTo(first);
    slot.invalidate(first.value());
    assertThat(slot.get(this::token)).isNotEqualTo(first);
  }

  private AccessToken token() {
    return token(Duration.ofSeconds(300));
  }

  private AccessToken token(Duration life) {
    int n = grants.incrementAndGet();
    return new AccessToken("t" + n, clock.instant().plus(life), Set.of("system/Patient.read"));
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
