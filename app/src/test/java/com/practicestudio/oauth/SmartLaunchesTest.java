package com.practicestudio.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;

/** A launch's state: bound to the session and user, used once, refused after its lifetime. */
class SmartLaunchesTest {

  final MutableClock clock = new MutableClock(Instant.parse("2026-11-19T14:30:00Z"));
  final SmartLaunches launches =
      new SmartLaunches(
          null, null, null, null, null, null, null, null, clock, OAuthProperties.defaults(), null);
  final MockHttpSession session = new MockHttpSession();

  @Test
  void a_state_is_used_once() {
    pending("state-1", "ada");

    assertThat(error("state-1", "ada", "access_denied")).isEqualTo(OAuthError.ACCESS_DENIED);
    assertThat(error("state-1", "ada", "access_denied")).isEqualTo(OAuthError.INVALID_STATE);
  }

  @Test
  void a_state_from_another_session_is_unknown() {
    pending("state-2", "ada");

    assertThatThrownBy(
            () -> launches.complete("state-2", "code", null, null, new MockHttpSession(), "ada"))
        .isInstanceOfSatisfying(
            OAuthException.class,
            e -> {
              assertThat(e.error()).isEqualTo(OAuthError.INVALID_STATE);
              assertThat(e.detail()).contains("unknown or already used");
            });
  }

  @Test
  void a_state_expires_after_the_launch_lifetime() {
    pending("state-3", "ada");
    clock.advance(Duration.ofMinutes(10));

    assertThatThrownBy(() -> launches.complete("state-3", "code", null, null, session, "ada"))
        .isInstanceOfSatisfying(
            OAuthException.class,
            e -> {
              assertThat(e.error()).isEqualTo(OAuthError.INVALID_STATE);
              assertThat(e.detail()).contains("too long");
            });
  }

  @Test
  void a_state_of_another_user_is_refused() {
    pending("state-4", "ada");

    assertThatThrownBy(() -> launches.complete("state-4", "code", null, null, session, "bob"))
        .isInstanceOfSatisfying(
            OAuthException.class, e -> assertThat(e.detail()).contains("another user"));
  }

  @Test
  void an_answer_without_a_code_is_an_invalid_request() {
    pending("state-5", "ada");

    assertThatThrownBy(() -> launches.complete("state-5", null, null, null, session, "ada"))
        .isInstanceOfSatisfying(
            OAuthException.class, e -> assertThat(e.error()).isEqualTo(OAuthError.INVALID_REQUEST));
  }

  @Test
  void an_ehr_launch_asks_for_launch_and_a_standalone_one_for_a_patient() {
    assertThat(SmartLaunches.scopes(List.of("openid", "patient/Patient.read"), true))
        .containsExactly("launch", "openid", "patient/Patient.read");
    assertThat(SmartLaunches.scopes(List.of("launch/patient", "openid"), false))
        .containsExactly("launch/patient", "openid");
  }

  private void pending(String state, String user) {
    List<PendingLaunch> open = new ArrayList<>();
    open.add(
        new PendingLaunch(
            state, 7, user, "verifier", "https://ps/smart/callback", true, clock.instant()));
    session.setAttribute(SmartLaunches.SESSION_KEY, open);
  }

  private OAuthError error(String state, String user, String oauthError) {
    try {
      launches.complete(state, null, oauthError, "the user said no", session, user);
      throw new AssertionError("expected a refusal");
    } catch (OAuthException e) {
      return e.error();
    }
  }
}
