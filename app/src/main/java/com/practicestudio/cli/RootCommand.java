package com.practicestudio.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar practice-studio.jar [command]}: {@code serve} when no command is given. */
@Command(
    name = "practice-studio",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Practice Studio ⇄ Cerner integration server.",
    subcommands = {
      ServeCommand.class,
      DemoCommand.class,
      UserCommand.class,
      TokenCommand.class,
      DbCommand.class,
      KeyCommand.class,
      CommandLine.HelpCommand.class
    })
public class RootCommand {

  private static final List<String> COMMANDS =
      List.of("serve", "demo", "user", "token", "db", "key", "help");

  /** Set by {@code serve}: the process keeps running after the command line returns. */
  boolean serving;

  public static void run(String[] args) {
    RootCommand root = new RootCommand();
    CommandLine cli = new CommandLine(root, new CommandFactory(root));
    int code = cli.execute(withDefaultCommand(args));
    if (!root.serving) {
      System.exit(code);
    }
  }

  static String[] withDefaultCommand(String[] args) {
    if (args.length == 0) {
      return new String[] {"serve"};
    }
    String first = args[0];
    boolean rootOption =
        first.equals("--help")
            || first.equals("-h")
            || first.equals("--version")
            || first.equals("-V");
    if (COMMANDS.contains(first) || rootOption) {
      return args;
    }
    List<String> withServe = new ArrayList<>(List.of("serve"));
    withServe.addAll(Arrays.asList(args));
    return withServe.toArray(String[]::new);
  }

  /** Lets subcommands reach the root (to mark the process as serving). */
  record CommandFactory(RootCommand root) implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> type) throws Exception {
      if (type == ServeCommand.class) {
        return type.cast(new ServeCommand(root));
      }
      if (type == DemoCommand.class) {
        return type.cast(new DemoCommand(root));
      }
      return CommandLine.defaultFactory().create(type);
    }
  }
}
