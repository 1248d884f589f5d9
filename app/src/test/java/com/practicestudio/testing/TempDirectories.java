package com.practicestudio.testing;

import java.io.IOException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;

/** Deleting what tests leave in the temporary directory: database directories, browser profiles. */
public final class TempDirectories {

  private static final Logger log = LoggerFactory.getLogger(TempDirectories.class);

  private TempDirectories() {}

  /**
   * Deletes {@code dir} and everything in it. A database that is just stopping may still remove a
   * file of its own during the walk, and a walk that meets a file gone under it stops: so it walks
   * again.
   */
  public static void delete(Path dir) {
    IOException last = null;
    for (int attempt = 0; attempt < 3; attempt++) {
      try {
        FileSystemUtils.deleteRecursively(dir);
        return;
      } catch (IOException e) {
        last = e;
      }
    }
    log.warn("temporary directory {} not deleted: {}", dir, last.toString());
  }
}
