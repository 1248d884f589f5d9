package com.practicestudio.mllp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The shared test corpus ({@code shared/corpus} beside the checkout), found by walking up. */
final class Corpus {
  private static final Path ROOT = locate();

  private Corpus() {}

  static byte[] bytes(String relative) {
    try {
      return Files.readAllBytes(ROOT.resolve(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every regular file under a corpus folder, sorted. */
  static List<Path> files(String folder) {
    try (Stream<Path> walk = Files.walk(ROOT.resolve(folder))) {
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
        "shared/corpus not found beside the checkout, looking up from "
            + Path.of("").toAbsolutePath());
  }
}
