package com.practicestudio.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.env.MapPropertySource;

/**
 * Points each test context at its own new data directory (database, master key), and deletes it
 * when the context closes: a context's embedded PostgreSQL leaves ~40 MB there, and a full test run
 * starts dozens of contexts.
 */
public class FreshDataDirectory
    implements ApplicationContextInitializer<ConfigurableApplicationContext>, Ordered {

  static final String BEAN = "freshDataDirectory";

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    if (context.getEnvironment().containsProperty("practice-studio.data-dir")) {
      return;
    }
    try {
      Path dir = Files.createTempDirectory("ps-test-");
      // registered before the embedded PostgreSQL's (this initializer runs first), so destroyed
      // after it has stopped
      ((DefaultSingletonBeanRegistry) context.getBeanFactory())
          .registerDisposableBean(BEAN, () -> TempDirectories.delete(dir));
      context
          .getEnvironment()
          .getPropertySources()
          .addFirst(
              new MapPropertySource(
                  "fresh-data-directory", Map.of("practice-studio.data-dir", dir.toString())));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
