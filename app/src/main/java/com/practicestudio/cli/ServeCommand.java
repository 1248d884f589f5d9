package com.practicestudio.cli;

import com.practicestudio.PracticeStudioApplication;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.boot.SpringApplication;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Run the server (the default command).",
      "Settings may follow as --name=value, e.g. --server.port=8081 --practice-studio.data-dir=/var/lib/ps"
    })
class ServeCommand implements Callable<Integer> {

  private final RootCommand root;

  @Unmatched List<String> springArgs = new ArrayList<>();

  ServeCommand(RootCommand root) {
    this.root = root;
  }

  @Override
  public Integer call() {
    SpringApplication app = new SpringApplication(PracticeStudioApplication.class);
    app.run(springArgs.toArray(String[]::new));
    root.serving = true;
    return 0;
  }
}
