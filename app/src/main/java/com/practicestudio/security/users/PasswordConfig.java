package com.practicestudio.security.users;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Password hashing, needed by the server and by the admin commands alike. */
@Configuration(proxyBeanMethods = false)
class PasswordConfig {

  @Bean
  PasswordEncoder passwordEncoder() {
    // bcrypt by default, with the {id} prefix so the algorithm can change later
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }
}
