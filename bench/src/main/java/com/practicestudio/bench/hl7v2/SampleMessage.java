package com.practicestudio.bench.hl7v2;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a message from the shared corpus ({@code shared/corpus} beside the checkout, found by
 * walking up from the working directory, or {@code -Dcorpus.dir=...}).
 */
final class SampleMessage {

  private SampleMessage() {}

  static byte[] read(String relative) {
    try {
      return Files.readAllBytes(corpus().resolve("hl7v2").resolve(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path corpus() {
    String configured = System.getProperty("corpus.dir");
    if (configured != null) {
      return Path.of(configured);
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared").resolve("corpus");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "shared/corpus not found; run from the checkout or set -Dcorpus.dir");
  }
}
