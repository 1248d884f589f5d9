package com.practicestudio.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;

class FreshDataDirectoryTest {

  @Test
  void the_directory_goes_when_the_context_closes_after_what_was_registered_later()
      throws Exception {
    GenericApplicationContext context = new GenericApplicationContext();
    new FreshDataDirectory().initialize(context);
    Path dir = Path.of(context.getEnvironment().getRequiredProperty("practice-studio.data-dir"));
    Files.createDirectories(dir.resolve("pg"));
    Files.writeString(dir.resolve("pg/PG_VERSION"), "17");
    // stands for the embedded PostgreSQL, whose initializer runs after this one
    AtomicBoolean presentWhenDatabaseStopped = new AtomicBoolean();
    ((DefaultSingletonBeanRegistry) context.getBeanFactory())
        .registerDisposableBean(
            "database", () -> presentWhenDatabaseStopped.set(Files.exists(dir.resolve("pg"))));
    context.refresh();
    assertThat(dir).isDirectory();

    context.close();

    assertThat(presentWhenDatabaseStopped).isTrue();
    assertThat(dir).doesNotExist();
  }

  @Test
  void a_directory_the_test_chose_is_left_alone(@TempDir Path chosen) throws Exception {
    Files.writeString(chosen.resolve("master.key"), "k");
    GenericApplicationContext context = new GenericApplicationContext();
    context
        .getEnvironment()
        .getPropertySources()
        .addFirst(
            new MapPropertySource("test", Map.of("practice-studio.data-dir", chosen.toString())));
    new FreshDataDirectory().initialize(context);
    context.refresh();

    context.close();

    assertThat(chosen.resolve("master.key")).exists();
    assertThat(context.getEnvironment().getProperty("practice-studio.data-dir"))
        .isEqualTo(chosen.toString());
  }
}
