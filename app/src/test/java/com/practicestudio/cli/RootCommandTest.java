package com.practicestudio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class RootCommandTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "''                         | serve",
        "--server.port=9000         | serve --server.port=9000",
        "serve --server.port=9000   | serve --server.port=9000",
        "user add alice --role VIEWER | user add alice --role VIEWER",
        "--help                     | --help",
        "db migrate                 | db migrate",
        "demo --patients=10         | demo --patients=10"
      })
  void serve_is_the_default_command(String given, String expected) {
    String[] args = given.isBlank() ? new String[0] : given.trim().split(" +");
    assertThat(String.join(" ", RootCommand.withDefaultCommand(args))).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "serve",
        "demo",
        "user add",
        "user passwd",
        "token create",
        "db migrate",
        "key rotate"
      })
  void every_command_has_help(String command) {
    StringWriter out = new StringWriter();
    RootCommand root = new RootCommand();
    CommandLine cli = new CommandLine(root, new RootCommand.CommandFactory(root));
    cli.setOut(new PrintWriter(out));
    String[] args = (command + " --help").split(" ");
    assertThat(cli.execute(args)).isZero();
    assertThat(out.toString()).contains("Usage:").contains(command.split(" ")[0]);
  }
}
