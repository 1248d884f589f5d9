package com.practicestudio.bench.mllp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** The JIT column of the pipeline benchmark reads threads' CPU time by name from /proc. */
class ProcCpuTest {

  @Test
  void counts_the_cpu_of_the_named_threads_only() throws Exception {
    assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "Linux only");
    long pid = ProcessHandle.current().pid();
    CountDownLatch burnt = new CountDownLatch(1);
    CountDownLatch measured = new CountDownLatch(1);
    // a name with a parenthesis and spaces, as the stat line quotes it unescaped
    Thread burner =
        new Thread(
            () -> {
              long until = System.nanoTime() + 300_000_000L;
              long sink = 0;
              while (System.nanoTime() < until) {
                sink += Long.numberOfTrailingZeros(sink + System.nanoTime());
              }
              burnt.countDown();
              try {
                measured.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              if (sink == 42) {
                System.out.print("");
              }
            },
            "burn) x y");
    burner.start();
    burnt.await();
    try {
      assertThat(ProcCpu.threadNanos(pid, "burn) x y"::equals))
          .isBetween(100_000_000L, 2_000_000_000L);
      assertThat(ProcCpu.threadNanos(pid, "no such thread"::equals)).isZero();
    } finally {
      measured.countDown();
      burner.join();
    }
  }

  @Test
  void a_process_that_is_gone_has_no_cpu() {
    assertThat(ProcCpu.threadNanos(Long.MAX_VALUE, name -> true)).isZero();
  }
}
