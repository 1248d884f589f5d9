package com.practicestudio.hl7v2;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The shared test corpus ({@code shared/corpus} beside the checkout): found by walking up from the
 * working directory, so it works from the main checkout, a worktree and a CI clone alike.
 */
public final class Corpus {

  private static final Path ROOT = locate();

  private Corpus() {}

  public static Path root() {
    return ROOT;
  }

  public static Path file(String relative) {
    return ROOT.resolve(relative);
  }

  public static byte[] bytes(String relative) {
    try {
      return Files.readAllBytes(file(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every regular file under a corpus folder, sorted by path. */
  public static List<Path> files(String folder) {
    try (Stream<Path> walk = Files.walk(file(folder))) {
      return walk.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path locate() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared").resolve("corpus");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "shared/corpus not found beside the checkout (looked upward from "
            + Path.of("").toAbsolutePath()
            + ")");
  }
}
