package com.practicestudio.cli;

import com.practicestudio.PracticeStudioApplication;
import com.practicestudio.sandbox.CernerSandbox;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.boot.SpringApplication;
import org.springframework.context.event.ContextClosedEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Run the server with the built-in Cerner sandbox and sample traffic: the sandbox is set up as",
      "a Cerner domain and an HL7 peer, sends ADT, SIU, ORU, DFT and MDM messages to the default",
      "MLLP listener, patients are imported over FHIR with their results, a Cerner slot is booked",
      "and a vital sign is sent — all through the exchange journal, to watch in the console.",
      "Data goes to ./data-demo unless --practice-studio.data-dir says otherwise.",
      "Settings may follow as --name=value, as for serve."
    })
class DemoCommand implements Callable<Integer> {

  private final RootCommand root;

  @Option(
      names = "--patients",
      defaultValue = "40",
      description = "patients in the sandbox's generated domain (default ${DEFAULT-VALUE})")
  int patients;

  @Option(
      names = "--sandbox-port",
      defaultValue = "0",
      description = "HTTP port of the sandbox's FHIR, OAuth and Millennium services (0 = any free)")
  int sandboxPort;

  @Unmatched List<String> springArgs = new ArrayList<>();

  DemoCommand(RootCommand root) {
    this.root = root;
  }

  @Override
  public Integer call() {
    CernerSandbox sandbox =
        CernerSandbox.builder().port(sandboxPort).mllpPort(0).patients(patients).build().start();
    SpringApplication app = new SpringApplication(PracticeStudioApplication.class);
    // defaults only: the command line, application.yml and the environment still win
    app.setDefaultProperties(
        Map.of("practice-studio.data-dir", "./data-demo", "practice-studio.demo.enabled", "true"));
    app.addInitializers(
        context -> {
          context.getBeanFactory().registerSingleton("demoCernerSandbox", sandbox);
          context.addApplicationListener(
              event -> {
                if (event instanceof ContextClosedEvent) {
                  sandbox.close();
                }
              });
        });
    try {
      app.run(springArgs.toArray(String[]::new));
    } catch (RuntimeException e) {
      sandbox.close();
      throw e;
    }
    root.serving = true;
    return 0;
  }
}
