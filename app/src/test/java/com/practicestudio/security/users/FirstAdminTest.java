package com.practicestudio.security.users;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.practicestudio.security.Role;
import com.practicestudio.web.InvalidRequestException;
import org.junit.jupiter.api.Test;

class FirstAdminTest {

  @Test
  void a_configured_password_the_rules_refuse_stops_the_start_with_the_setting_and_the_rule() {
    UserService users = mock(UserService.class);
    when(users.none()).thenReturn(true);
    when(users.create(anyString(), anyString(), any()))
        .thenThrow(new InvalidRequestException("password", "must be at least 12 characters"));

    assertThatThrownBy(() -> new FirstAdmin(users, "short-Pw1").createIfNoUsers())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "PRACTICE_STUDIO_ADMIN_PASSWORD is not accepted for the first admin: "
                + "password must be at least 12 characters")
        .hasNoCause()
        .message()
        .doesNotContain("short-Pw1");
    verify(users).create("admin", "short-Pw1", Role.ADMIN);
  }
}
