package com.practicestudio.security.users;

import java.time.Clock;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

@Service
class DatabaseUserDetailsService implements UserDetailsService {

  private final UserService users;
  private final Clock clock;

  DatabaseUserDetailsService(UserService users, Clock clock) {
    this.users = users;
    this.clock = clock;
  }

  @Override
  public UserDetails loadUserByUsername(String username) {
    UserAccount account =
        users.find(username).orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    return User.withUsername(account.username())
        .password(users.passwordHash(username).orElseThrow())
        .authorities(account.role().authorities())
        .disabled(!account.enabled())
        .accountLocked(account.lockedAt(clock.instant()))
        .build();
  }
}
