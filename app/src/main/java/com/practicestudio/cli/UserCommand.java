package com.practicestudio.cli;

import com.practicestudio.security.Role;
import com.practicestudio.security.users.UserService;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Unmatched;

@Command(
    name = "user",
    mixinStandardHelpOptions = true,
    description = "Manage users.",
    subcommands = {UserCommand.Add.class, UserCommand.Passwd.class})
class UserCommand {

  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = {
        "Create a user. The password is asked for at a terminal, or read as one line from",
        "standard input (e.g. echo \"$PASSWORD\" | practice-studio user add alice --role OPERATOR)."
      })
  static class Add implements Callable<Integer> {
    @Parameters(index = "0", description = "user name")
    String username;

    @Option(names = "--role", required = true, description = "ADMIN, ENGINEER, OPERATOR or VIEWER")
    Role role;

    @Unmatched List<String> springArgs = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
      String password = PasswordInput.read("Password for " + username);
      try (ConfigurableApplicationContext context = AdminContext.open(springArgs)) {
        context.getBean(UserService.class).create(username, password, role);
      }
      System.out.println("Created user " + username + " (" + role + ")");
      return 0;
    }
  }

  @Command(
      name = "passwd",
      mixinStandardHelpOptions = true,
      description = "Set a user's password (also unlocks the account).")
  static class Passwd implements Callable<Integer> {
    @Parameters(index = "0", description = "user name")
    String username;

    @Unmatched List<String> springArgs = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
      String password = PasswordInput.read("New password for " + username);
      try (ConfigurableApplicationContext context = AdminContext.open(springArgs)) {
        context.getBean(UserService.class).changePassword(username, password);
      }
      System.out.println("Password changed for " + username);
      return 0;
    }
  }
}
