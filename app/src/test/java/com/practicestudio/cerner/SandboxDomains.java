package com.practicestudio.cerner;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.practicestudio.sandbox.CernerSandbox;
import java.util.List;
import java.util.UUID;
import org.slf4j.LoggerFactory;

/** Domain inputs pointing at a running Cerner sandbox, for tests of every package. */
public final class SandboxDomains {

  /** System scopes the sandbox grants and serves. */
  public static final List<String> SYSTEM_SCOPES =
      List.of(
          "system/Patient.read",
          "system/Encounter.read",
          "system/Observation.read",
          "system/Observation.write",
          "system/Slot.read",
          "system/Appointment.write");

  private SandboxDomains() {}

  /** A small sandbox of its own (each domain needs its own FHIR root); close it after use. */
  public static CernerSandbox start() {
    return builder().patients(20).build().start();
  }

  /**
   * A sandbox builder with a tenant of its own. A domain row outlives its sandbox in the test run's
   * shared database, and a later sandbox may be given the same free port: with the same tenant too,
   * it would share the old domain's FHIR root and be found with the old sandbox's client secret.
   */
  public static CernerSandbox.Builder builder() {
    return CernerSandbox.builder().tenant(UUID.randomUUID().toString());
  }

  /** A unique domain name. */
  public static String uniqueName(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** A complete domain on the sandbox's system account. */
  public static CernerDomainInput.Builder input(CernerSandbox sandbox, String name) {
    return CernerDomainInput.builder()
        .name(name)
        .fhirRoot(sandbox.urls().fhirRoot())
        .systemAccount(sandbox.systemClientId(), sandbox.systemClientSecret())
        .scopes(SYSTEM_SCOPES)
        .millennium(
            sandbox.urls().millenniumBase(), List.of("person-search", "slot-booking"), "2020+")
        .timeZone("America/Chicago");
  }

  /**
   * Silences the embedded sandbox's HAPI error lines for refused requests (as its own
   * logback-test.xml does); call after the Spring context started, which resets log levels.
   */
  public static void quietSandboxLogs() {
    for (String name :
        List.of(
            "ca.uhn.fhir.interceptor.executor.BaseInterceptorService",
            "ca.uhn.fhir.rest.server.interceptor.ExceptionHandlingInterceptor")) {
      ((Logger) LoggerFactory.getLogger(name)).setLevel(Level.OFF);
    }
    ((Logger) LoggerFactory.getLogger("ca.uhn.fhir.rest.server.RestfulServer"))
        .setLevel(Level.WARN);
  }
}
