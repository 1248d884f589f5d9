package com.practicestudio.db;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ServerPresenceConfig {

  @Bean(destroyMethod = "close")
  @ConditionalOnProperty(
      name = "practice-studio.mode",
      havingValue = "server",
      matchIfMissing = true)
  ServerPresence serverPresence(DataSource dataSource) throws SQLException {
    return ServerPresence.announce(dataSource);
  }
}
