package com.practicestudio.demo;

import com.practicestudio.sandbox.CernerSandbox;
import com.practicestudio.web.InvalidRequestException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;

/**
 * Runs the demo once the server is ready, on a thread of its own (start-up is not held up): the
 * set-up, a first round over every road, a summary printed on the console, then a small batch of
 * HL7 messages at each interval. A step that fails is reported by name and exception class (never
 * its message, which may quote PHI) and the others go on.
 */
final class DemoTraffic implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(DemoTraffic.class);

  /** The first round's HL7 mix, per message type. */
  private static final Map<String, Integer> FIRST_ROUND = new LinkedHashMap<>();

  static {
    FIRST_ROUND.put("ADT^A04", 8);
    FIRST_ROUND.put("ADT^A08", 4);
    FIRST_ROUND.put("SIU^S12", 4);
    FIRST_ROUND.put("ORU^R01", 4);
    FIRST_ROUND.put("DFT^P03", 2);
    FIRST_ROUND.put("MDM^T02", 2);
  }

  private static final Map<String, Integer> EACH_INTERVAL =
      Map.of("ADT^A08", 1, "SIU^S12", 1, "ORU^R01", 1);

  private final CernerSandbox sandbox;
  private final DemoSetup setup;
  private final DemoFlows flows;
  private final Environment environment;
  private final Duration interval;
  private final ScheduledExecutorService executor =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "demo-traffic");
            t.setDaemon(true);
            return t;
          });

  DemoTraffic(
      CernerSandbox sandbox,
      DemoSetup setup,
      DemoFlows flows,
      Environment environment,
      Duration interval) {
    this.sandbox = sandbox;
    this.setup = setup;
    this.flows = flows;
    this.environment = environment;
    this.interval = interval;
  }

  @EventListener(ApplicationReadyEvent.class)
  void start() {
    executor.execute(this::firstRound);
  }

  private void firstRound() {
    DemoSetup.Wiring wiring;
    try {
      wiring = setup.apply();
    } catch (RuntimeException e) {
      log.warn("Demo: setting up the sandbox domain failed ({})", e.getClass().getName());
      return;
    }
    List<String> lines = new ArrayList<>();
    if (wiring.listenerPort().isPresent()) {
      int port = wiring.listenerPort().getAsInt();
      step(lines, "HL7", () -> flows.hl7(port, FIRST_ROUND).line());
      if (!interval.isZero() && !interval.isNegative()) {
        executor.scheduleWithFixedDelay(
            () -> step(new ArrayList<>(), "HL7 batch", () -> flows.hl7(port, EACH_INTERVAL).line()),
            interval.toMillis(),
            interval.toMillis(),
            TimeUnit.MILLISECONDS);
      }
    } else {
      lines.add("HL7: skipped — no MLLP listener is bound (is its port taken?)");
    }
    List<Long> imported = new ArrayList<>();
    step(
        lines,
        "FHIR import",
        () -> {
          imported.addAll(flows.importPatients(wiring.domainId(), 5));
          return "FHIR: " + imported.size() + " Cerner patients imported";
        });
    step(
        lines,
        "FHIR results",
        () ->
            "FHIR: "
                + flows.pullResults(imported)
                + " results and documents pulled into the journal");
    step(
        lines,
        "FHIR appointments",
        () ->
            "FHIR: "
                + flows.syncAppointments(wiring.domainId())
                + " appointments and encounters synced into the journal");
    if (!imported.isEmpty()) {
      long patient = imported.get(0);
      step(
          lines,
          "booking",
          () ->
              flows
                  .bookSlot(wiring.domainId(), patient)
                  .map(a -> "Booking: appointment " + a.id() + " sent to Cerner for a free slot")
                  .orElse("Booking: no free Cerner slot in the coming week"));
      step(
          lines,
          "vital sign",
          () -> {
            flows.sendVitalSign(patient);
            return "Vital sign: a heart rate sent to Cerner";
          });
    }
    printSummary(wiring, lines);
  }

  private static void step(List<String> lines, String name, Supplier<String> body) {
    try {
      lines.add(body.get());
    } catch (InvalidRequestException e) {
      // field names and rules only, no values
      log.warn("Demo: {} refused: {}", name, e.problems());
      lines.add(name + ": refused (see the log)");
    } catch (RuntimeException e) {
      log.warn("Demo: {} failed ({})", name, e.getClass().getName());
      lines.add(name + ": failed (" + e.getClass().getSimpleName() + ", see the log)");
    }
  }

  private void printSummary(DemoSetup.Wiring wiring, List<String> lines) {
    String port = environment.getProperty("local.server.port", "8080");
    StringBuilder out = new StringBuilder();
    out.append("\n  Demo: Practice Studio is exchanging data with the built-in Cerner sandbox.\n");
    out.append("    console        http://localhost:").append(port).append("/  (user admin)\n");
    out.append("    Cerner FHIR    ").append(sandbox.urls().fhirRoot()).append('\n');
    out.append("    Cerner MLLP    localhost:")
        .append(sandbox.hl7().port())
        .append("  (receives our SIU as sender '")
        .append(DemoSetup.SENDER_NAME)
        .append("')\n");
    wiring
        .listenerPort()
        .ifPresent(p -> out.append("    our MLLP       localhost:").append(p).append('\n'));
    for (String line : lines) {
      out.append("    · ").append(line).append('\n');
    }
    out.append("  Watch it under Logs and Error Management");
    if (!interval.isZero() && !interval.isNegative() && wiring.listenerPort().isPresent()) {
      out.append("; more HL7 arrives every ").append(interval.toSeconds()).append(" s");
    }
    out.append(".\n");
    System.out.println(out);
    log.info("Demo traffic started");
  }

  @Override
  public void destroy() {
    executor.shutdownNow();
  }
}
