package com.practicestudio.cli;

import com.practicestudio.security.tokens.ApiTokenService;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Unmatched;

@Command(
    name = "token",
    mixinStandardHelpOptions = true,
    description = "Manage API tokens.",
    subcommands = {TokenCommand.Create.class})
class TokenCommand {

  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description = "Create an API token for a user; it is printed once.")
  static class Create implements Callable<Integer> {
    @Parameters(index = "0", description = "user the token acts as")
    String username;

    @Option(names = "--name", required = true, description = "what the token is for")
    String name;

    @Option(names = "--valid-for", description = "lifetime, e.g. P90D (default: no expiry)")
    Duration validFor;

    @Unmatched List<String> springArgs = new ArrayList<>();

    @Override
    public Integer call() {
      Instant expires = validFor == null ? null : Instant.now().plus(validFor);
      try (ConfigurableApplicationContext context = AdminContext.open(springArgs)) {
        var created = context.getBean(ApiTokenService.class).create(username, name, expires);
        System.out.println(created.token());
      }
      return 0;
    }
  }
}
