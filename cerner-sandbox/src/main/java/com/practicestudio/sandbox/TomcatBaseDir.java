package com.practicestudio.sandbox;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Tomcat's scratch folder for the sandbox, named after the process that owns it. A JVM that is
 * killed never deletes its folder, so each start first removes the folders of processes that are
 * gone; without that, every killed test run or demo would leave one behind for good.
 */
final class TomcatBaseDir {

  private static final String PREFIX = "cerner-sandbox-";
  private static final Pattern OWNED = Pattern.compile(Pattern.quote(PREFIX) + "(\\d+)-.*");

  private TomcatBaseDir() {}

  /** A new folder under {@code root} (the system's temp folder in use), after removing orphans. */
  static Path create(Path root) throws IOException {
    removeOrphans(root);
    return Files.createTempDirectory(root, PREFIX + ProcessHandle.current().pid() + "-");
  }

  /** Removes folders under {@code root} whose owning process is no longer running. */
  static void removeOrphans(Path root) throws IOException {
    try (DirectoryStream<Path> folders = Files.newDirectoryStream(root, PREFIX + "*")) {
      for (Path folder : folders) {
        Optional<Long> owner = owner(folder);
        if (owner.isPresent() && !running(owner.get())) {
          delete(folder);
        }
      }
    }
  }

  static void delete(Path folder) {
    try (Stream<Path> files = Files.walk(folder)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // a temp folder left behind is harmless, and the next start tries again
    }
  }

  static Optional<Long> owner(Path folder) {
    Matcher m = OWNED.matcher(folder.getFileName().toString());
    return m.matches() ? Optional.of(Long.parseLong(m.group(1))) : Optional.empty();
  }

  private static boolean running(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }
}
