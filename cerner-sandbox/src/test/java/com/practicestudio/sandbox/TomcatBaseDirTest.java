package com.practicestudio.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TomcatBaseDirTest {

  @TempDir Path root;

  @Test
  void a_new_folder_is_named_after_this_process() throws Exception {
    Path folder = TomcatBaseDir.create(root);

    assertThat(TomcatBaseDir.owner(folder)).contains(ProcessHandle.current().pid());
  }

  @Test
  void a_start_removes_the_folders_of_processes_that_are_gone_and_keeps_the_rest()
      throws Exception {
    long gone = finishedProcessId();
    Path orphan = Files.createDirectories(root.resolve("cerner-sandbox-" + gone + "-1/work/x"));
    Files.writeString(orphan.resolve("session.ser"), "left by a killed JVM");
    Path live =
        Files.createDirectory(
            root.resolve("cerner-sandbox-" + ProcessHandle.current().pid() + "-2"));
    Path unowned = Files.createDirectory(root.resolve("cerner-sandbox123456789"));
    Path other = Files.createDirectory(root.resolve("something-else-" + gone + "-3"));

    Path created = TomcatBaseDir.create(root);

    assertThat(root.resolve("cerner-sandbox-" + gone + "-1")).doesNotExist();
    assertThat(live).isDirectory();
    assertThat(unowned).isDirectory();
    assertThat(other).isDirectory();
    assertThat(created).isDirectory();
  }

  @Test
  void deleting_takes_the_folder_and_everything_in_it() throws Exception {
    Path folder = TomcatBaseDir.create(root);
    Files.writeString(Files.createDirectories(folder.resolve("work/Tomcat")).resolve("f"), "x");

    TomcatBaseDir.delete(folder);

    assertThat(folder).doesNotExist();
  }

  private static long finishedProcessId() throws Exception {
    Process p = new ProcessBuilder("true").start();
    p.waitFor();
    return p.pid();
  }
}
