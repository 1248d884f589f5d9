package com.practicestudio.testing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs {@code java -jar practice-studio.jar <command>} as an operator would. */
public final class AdminCommand {

  public record Result(int exitCode, String output) {}

  private AdminCommand() {}

  public static Result run(Path dataDir, String stdin, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-jar", ServerProcess.jar().toAbsolutePath().toString()));
    command.addAll(List.of(args));
    command.add("--practice-studio.data-dir=" + dataDir);
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    if (stdin != null) {
      process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
    }
    process.getOutputStream().close();
    byte[] output = process.getInputStream().readAllBytes();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("command did not finish: " + List.of(args));
    }
    return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
  }
}
