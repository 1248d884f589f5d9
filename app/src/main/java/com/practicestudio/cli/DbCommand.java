package com.practicestudio.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.flywaydb.core.Flyway;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

@Command(
    name = "db",
    mixinStandardHelpOptions = true,
    description = "Database administration.",
    subcommands = {DbCommand.Migrate.class})
class DbCommand {

  @Command(
      name = "migrate",
      mixinStandardHelpOptions = true,
      description = {
        "Apply pending schema migrations and print the schema version.",
        "The server also migrates on start unless --spring.flyway.enabled=false."
      })
  static class Migrate implements Callable<Integer> {
    @Unmatched List<String> springArgs = new ArrayList<>();

    @Override
    public Integer call() {
      List<String> args = new ArrayList<>(springArgs);
      args.add("--spring.flyway.enabled=true");
      try (ConfigurableApplicationContext context = AdminContext.open(args)) {
        var current = context.getBean(Flyway.class).info().current();
        System.out.println(
            "Schema at version " + (current == null ? "none" : current.getVersion()));
      }
      return 0;
    }
  }
}
