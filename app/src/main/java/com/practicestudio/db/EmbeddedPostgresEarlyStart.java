package com.practicestudio.db;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * Starts the embedded PostgreSQL on a background thread as soon as the settings are known, so that
 * it boots while Spring builds the rest of the server (start-up goal: ≤ 10 s). The DataSource waits
 * for it. Registered in {@code META-INF/spring.factories}; runs last among initializers so test
 * initializers that choose the data directory come first.
 */
public class EmbeddedPostgresEarlyStart
    implements ApplicationContextInitializer<ConfigurableApplicationContext>, Ordered {

  static final String BEAN = "embeddedPostgresStartup";

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    Environment env = context.getEnvironment();
    if (!env.getProperty("practice-studio.db.url", "").isBlank()
        || context.getBeanFactory().containsSingleton(BEAN)) {
      return;
    }
    Path pg =
        Path.of(env.getProperty("practice-studio.data-dir", "./data"))
            .toAbsolutePath()
            .normalize()
            .resolve("pg");
    Startup startup =
        new Startup(CompletableFuture.supplyAsync(() -> EmbeddedPostgresServer.start(pg)));
    context.getBeanFactory().registerSingleton(BEAN, startup);
    // Stopped with the singletons: after the journal's workers and the listeners have stopped (on
    // the context's closed event it stopped before them, under their feet), last of all since it
    // was registered first, and also when the context fails before the DataSource exists.
    ((DefaultSingletonBeanRegistry) context.getBeanFactory())
        .registerDisposableBean(BEAN, startup::destroy);
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }

  /** The embedded PostgreSQL being started; stopped with the context. */
  public static final class Startup {
    private final CompletableFuture<EmbeddedPostgresServer> server;

    Startup(CompletableFuture<EmbeddedPostgresServer> server) {
      this.server = server;
    }

    EmbeddedPostgresServer await() {
      try {
        return server.join();
      } catch (CompletionException e) {
        throw e.getCause() instanceof RuntimeException r ? r : e;
      }
    }

    public void destroy() {
      server.thenAccept(EmbeddedPostgresServer::close).exceptionally(e -> null).join();
    }
  }
}
