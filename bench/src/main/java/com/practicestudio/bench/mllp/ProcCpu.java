package com.practicestudio.bench.mllp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * CPU time from {@code /proc}: of the embedded PostgreSQL that belongs to a data directory (the
 * postmaster, whose command line names the directory, and its children: backends, WAL writer…), or
 * of some threads of a process. Linux only; 0 elsewhere.
 */
final class ProcCpu {

  private static final long NANOS_PER_TICK = 10_000_000L; // USER_HZ = 100 on Linux

  private ProcCpu() {}

  static long postgresNanos(Path dataDir) {
    String marker = dataDir.toString();
    Set<Long> postmasters = new HashSet<>();
    List<Path> procs;
    try (Stream<Path> list = Files.list(Path.of("/proc"))) {
      procs = list.filter(p -> p.getFileName().toString().matches("\\d+")).toList();
    } catch (IOException e) {
      return 0;
    }
    for (Path p : procs) {
      try {
        String cmd = Files.readString(p.resolve("cmdline")).replace('\0', ' ');
        if (cmd.contains("postgres") && cmd.contains(marker)) {
          postmasters.add(Long.parseLong(p.getFileName().toString()));
        }
      } catch (IOException | RuntimeException e) {
        // gone
      }
    }
    long ticks = 0;
    for (Path p : procs) {
      try {
        String stat = Files.readString(p.resolve("stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long pid = Long.parseLong(p.getFileName().toString());
        long ppid = Long.parseLong(f[1]);
        if (postmasters.contains(pid) || postmasters.contains(ppid)) {
          ticks += ticks(stat);
        }
      } catch (IOException | RuntimeException e) {
        // gone
      }
    }
    return ticks * NANOS_PER_TICK;
  }

  /** CPU time of the threads of {@code pid} whose name ({@code comm}) passes {@code name}. */
  static long threadNanos(long pid, Predicate<String> name) {
    List<Path> tasks;
    try (Stream<Path> list = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
      tasks = list.toList();
    } catch (IOException e) {
      return 0;
    }
    long ticks = 0;
    for (Path task : tasks) {
      try {
        if (name.test(Files.readString(task.resolve("comm")).strip())) {
          ticks += ticks(Files.readString(task.resolve("stat")));
        }
      } catch (IOException | RuntimeException e) {
        // gone
      }
    }
    return ticks * NANOS_PER_TICK;
  }

  /** utime + stime of a {@code stat} line; the name in parentheses may hold spaces. */
  private static long ticks(String stat) {
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(f[11]) + Long.parseLong(f[12]);
  }
}
