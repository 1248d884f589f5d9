package com.practicestudio.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL 17 kept in {@code <data-dir>/pg}, started on a free loopback port.
 *
 * <p>One process owns the server: it holds a file lock beside the data directory. A second process
 * on the same data directory (an admin command while the server runs) connects to the running
 * PostgreSQL as a guest and never stops it. A PostgreSQL left running by an owner that died ({@code
 * kill -9}) has no lock holder; the next owner stops it cleanly and starts it again under its own
 * control.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
  private static final Duration ORPHAN_STOP_TIMEOUT = Duration.ofSeconds(60);

  private final Path dataDirectory;
  private final FileChannel lockChannel;
  private final FileLock ownerLock;
  private final EmbeddedPostgres postgres;
  private final int port;

  private EmbeddedPostgresServer(
      Path dataDirectory,
      FileChannel lockChannel,
      FileLock ownerLock,
      EmbeddedPostgres postgres,
      int port) {
    this.dataDirectory = dataDirectory;
    this.lockChannel = lockChannel;
    this.ownerLock = ownerLock;
    this.postgres = postgres;
    this.port = port;
  }

  /** Starts (or joins) the embedded PostgreSQL whose data lives in {@code dataDirectory}. */
  public static EmbeddedPostgresServer start(Path dataDirectory) {
    try {
      Files.createDirectories(dataDirectory.getParent());
      FileChannel channel =
          FileChannel.open(
              dataDirectory.resolveSibling("pg.owner.lock"),
              StandardOpenOption.CREATE,
              StandardOpenOption.WRITE);
      FileLock lock = channel.tryLock();
      if (lock == null) {
        channel.close();
        int port =
            runningPort(dataDirectory)
                .orElseThrow(
                    () ->
                        new IllegalStateException(
                            "another process owns the embedded database in "
                                + dataDirectory
                                + " but it is not running"));
        log.info("Joining the embedded PostgreSQL owned by another process on port {}", port);
        return new EmbeddedPostgresServer(dataDirectory, null, null, null, port);
      }
      stopOrphan(dataDirectory);
      int port = freePort();
      long started = System.nanoTime();
      EmbeddedPostgres postgres =
          EmbeddedPostgres.builder()
              .setDataDirectory(dataDirectory)
              .setCleanDataDirectory(false)
              .setPort(port)
              // zonky's defaults favour test speed; a server that ACKs after commit needs these on
              .setServerConfig("fsync", "on")
              .setServerConfig("synchronous_commit", "on")
              .setServerConfig("full_page_writes", "on")
              .setServerConfig("listen_addresses", "localhost")
              .setServerConfig("max_connections", "200")
              .setPGStartupWait(Duration.ofSeconds(60))
              // stopped by close(), which the server calls last of all as it shuts down; the
              // library's own hook would stop it at once, under the workers still finishing
              .setRegisterShutdownHook(false)
              .start();
      log.info(
          "Embedded PostgreSQL started on port {} in {} ms (data in {})",
          port,
          (System.nanoTime() - started) / 1_000_000,
          dataDirectory);
      return new EmbeddedPostgresServer(dataDirectory, channel, lock, postgres, port);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the embedded PostgreSQL in " + dataDirectory, e);
    }
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://localhost:" + port + "/postgres";
  }

  public String username() {
    return "postgres";
  }

  public int port() {
    return port;
  }

  public boolean owner() {
    return postgres != null;
  }

  @Override
  public void close() {
    if (postgres == null) {
      return;
    }
    try {
      postgres.close();
      log.info("Embedded PostgreSQL stopped ({})", dataDirectory);
    } catch (IOException e) {
      log.warn("Embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
    } finally {
      try {
        ownerLock.release();
        lockChannel.close();
      } catch (IOException ignored) {
        // the lock goes with the process anyway
      }
    }
  }

  /** postmaster.pid: line 1 the PID, line 4 the port. */
  private static Optional<Long> runningPid(Path dataDirectory) throws IOException {
    Path pidFile = dataDirectory.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return Optional.empty();
    }
    List<String> lines = Files.readAllLines(pidFile);
    if (lines.isEmpty()) {
      return Optional.empty();
    }
    long pid = Long.parseLong(lines.get(0).trim());
    return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(ProcessHandle::pid);
  }

  private static Optional<Integer> runningPort(Path dataDirectory) throws IOException {
    if (runningPid(dataDirectory).isEmpty()) {
      return Optional.empty();
    }
    List<String> lines = Files.readAllLines(dataDirectory.resolve("postmaster.pid"));
    return lines.size() > 3 ? Optional.of(Integer.parseInt(lines.get(3).trim())) : Optional.empty();
  }

  private static void stopOrphan(Path dataDirectory) throws IOException {
    Optional<Long> pid = runningPid(dataDirectory);
    if (pid.isEmpty()) {
      return;
    }
    log.warn("Found an embedded PostgreSQL (pid {}) left running by a previous process", pid.get());
    ProcessHandle handle = ProcessHandle.of(pid.get()).orElseThrow();
    // SIGTERM is PostgreSQL's "smart" shutdown: its clients died with their process
    handle.destroy();
    try {
      handle
          .onExit()
          .get(ORPHAN_STOP_TIMEOUT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(
          "the PostgreSQL left running on " + dataDirectory + " did not stop", e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }
}
