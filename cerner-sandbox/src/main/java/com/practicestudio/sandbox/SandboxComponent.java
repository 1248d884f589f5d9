package com.practicestudio.sandbox;

/**
 * A further part of the sandbox started after the HTTP server and stopped before it, in order —
 * where the MLLP peer, the SFTP server and the CCL service plug in. It reads the seeded domain (and
 * may listen for changes) through the context.
 */
public interface SandboxComponent extends AutoCloseable {

  /** A short name for logs and the start banner, e.g. {@code MLLP peer}. */
  String name();

  /**
   * Starts the component.
   *
   * @return a line for the start banner (e.g. where it listens)
   */
  String start(SandboxContext context) throws Exception;

  @Override
  void close() throws Exception;
}
