package com.practicestudio.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** Reads a password without echo at a terminal, or one line from standard input otherwise. */
final class PasswordInput {

  private PasswordInput() {}

  static String read(String prompt) throws IOException {
    Console console = System.console();
    if (console != null) {
      char[] first = console.readPassword("%s: ", prompt);
      char[] again = console.readPassword("Again: ");
      if (first == null || !new String(first).equals(new String(again))) {
        throw new IllegalArgumentException("the two passwords differ");
      }
      return new String(first);
    }
    String line =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    if (line == null) {
      throw new IllegalArgumentException("no password on standard input");
    }
    return line;
  }
}
