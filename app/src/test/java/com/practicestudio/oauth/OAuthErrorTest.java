package com.practicestudio.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OAuthErrorTest {

  @Test
  void codes_are_unique_and_well_formed() {
    assertThat(Arrays.stream(OAuthError.values()).map(OAuthError::code))
        .doesNotHaveDuplicates()
        .allMatch(code -> code.matches("OAUTH-\\d{3}"));
    assertThat(OAuthError.values()).allMatch(e -> !e.hint().isBlank() && !e.summary().isBlank());
  }

  @ParameterizedTest
  @CsvSource({
    "invalid_client, INVALID_CLIENT",
    "invalid_scope, INVALID_SCOPE",
    "invalid_grant, INVALID_GRANT",
    "unauthorized_client, UNAUTHORIZED_CLIENT",
    "unsupported_grant_type, UNSUPPORTED_GRANT_TYPE",
    "invalid_request, INVALID_REQUEST",
    "access_denied, ACCESS_DENIED",
    "temporarily_unavailable, TOKEN_ENDPOINT_UNAVAILABLE",
    "something_new, TOKEN_ERROR"
  })
  void oauth_error_codes_map_to_our_errors(String oauthCode, OAuthError expected) {
    assertThat(OAuthError.ofOAuthCode(oauthCode)).isEqualTo(expected);
  }
}
