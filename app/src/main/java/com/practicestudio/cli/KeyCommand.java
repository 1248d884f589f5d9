package com.practicestudio.cli;

import com.practicestudio.db.ServerPresence;
import com.practicestudio.security.crypto.KeyRotation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

@Command(
    name = "key",
    mixinStandardHelpOptions = true,
    description = "Master key administration.",
    subcommands = {KeyCommand.Rotate.class})
class KeyCommand {

  @Command(
      name = "rotate",
      mixinStandardHelpOptions = true,
      description = {
        "Re-encrypt every secret, SSN, document and journal payload under a new master key.",
        "Stop all servers first: a running server would go on writing with the old key."
      })
  static class Rotate implements Callable<Integer> {
    @Option(
        names = "--next-key",
        description =
            "when the key is given by the setting practice-studio.security.crypto.master-key:"
                + " the next key (base64, 32 bytes)")
    String nextKey;

    @Unmatched List<String> springArgs = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
      try (ConfigurableApplicationContext context = AdminContext.open(springArgs)) {
        Optional<ServerPresence> alone = ServerPresence.alone(context.getBean(DataSource.class));
        if (alone.isEmpty()) {
          System.err.println("A server is running on this database: stop every server first.");
          return 1;
        }
        try (ServerPresence lock = alone.get()) {
          KeyRotation.Result result = context.getBean(KeyRotation.class).rotate(nextKey);
          System.out.println(
              "Rotated to key "
                  + result.newKeyId()
                  + "; re-encrypted "
                  + result.valuesReencrypted()
                  + " values.");
          if (result.newInlineKey() != null) {
            System.out.println(
                "Now set practice-studio.security.crypto.master-key to the new key before starting.");
          }
        }
      }
      return 0;
    }
  }
}
