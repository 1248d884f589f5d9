package com.practicestudio.demo;

import com.practicestudio.cerner.CernerDomain;
import com.practicestudio.cerner.CernerDomainInput;
import com.practicestudio.cerner.CernerDomains;
import com.practicestudio.codemaps.CodeMapInput;
import com.practicestudio.codemaps.CodeMapKind;
import com.practicestudio.codemaps.CodeMaps;
import com.practicestudio.fhir.FhirSystems;
import com.practicestudio.hl7.Hl7Interface;
import com.practicestudio.hl7.Hl7Interfaces;
import com.practicestudio.hl7.InterfaceInput;
import com.practicestudio.hl7.InterfaceKind;
import com.practicestudio.hl7.InterfaceRegistry;
import com.practicestudio.sandbox.CernerSandbox;
import com.practicestudio.sandbox.data.SandboxIdentifiers;
import java.util.List;
import java.util.OptionalInt;

/**
 * Points the server at the sandbox as an engineer would in the console: a Cerner domain on its
 * system account and Millennium services, an HL7 sender carrying SIU to its MLLP peer, and the code
 * maps that give its MRN and FIN pools one name over FHIR and HL7. The first two are found by name
 * and updated, since the sandbox listens on new ports on every run.
 */
final class DemoSetup {

  static final String DOMAIN_NAME = "Cerner sandbox (demo)";
  static final String SENDER_NAME = "cerner-sandbox-siu";

  private static final List<String> SCOPES =
      List.of(
          "system/Patient.read",
          "system/Encounter.read",
          "system/Observation.read",
          "system/Observation.write",
          "system/DocumentReference.read",
          "system/DocumentReference.write",
          "system/Binary.read",
          "system/Location.read",
          "system/Practitioner.read",
          "system/Schedule.read",
          "system/Slot.read",
          "system/Appointment.read",
          "system/Appointment.write");

  private final CernerSandbox sandbox;
  private final CernerDomains domains;
  private final Hl7Interfaces interfaces;
  private final InterfaceRegistry registry;
  private final CodeMaps codeMaps;

  DemoSetup(
      CernerSandbox sandbox,
      CernerDomains domains,
      Hl7Interfaces interfaces,
      InterfaceRegistry registry,
      CodeMaps codeMaps) {
    this.sandbox = sandbox;
    this.domains = domains;
    this.interfaces = interfaces;
    this.registry = registry;
    this.codeMaps = codeMaps;
  }

  /** What the traffic needs: the domain and where our MLLP listener is. */
  record Wiring(long domainId, OptionalInt listenerPort) {}

  Wiring apply() {
    CernerDomain domain =
        domains.upsertByName(
            CernerDomainInput.builder()
                .name(DOMAIN_NAME)
                .fhirRoot(sandbox.urls().fhirRoot())
                .systemAccount(sandbox.systemClientId(), sandbox.systemClientSecret())
                .scopes(SCOPES)
                .millennium(
                    sandbox.urls().millenniumBase(),
                    List.of("person-search", "slot-booking"),
                    "2020+")
                .timeZone("America/Chicago")
                .build());
    InterfaceInput sender =
        new InterfaceInput(
            SENDER_NAME,
            "sender",
            true,
            null,
            new InterfaceInput.Sender(
                "127.0.0.1", sandbox.hl7().port(), null, null, null, null, List.of("SIU")),
            null);
    interfaces
        .findByName(SENDER_NAME)
        .ifPresentOrElse(
            found -> interfaces.update(found.id(), sender, null), () -> interfaces.create(sender));
    mapIdentifierPools();
    return new Wiring(domain.id(), listenerPort());
  }

  /**
   * The sandbox names its MRN and FIN pools by OIDs over FHIR and by aliases in PID-3 and PID-18
   * over HL7, as a Cerner site does. Without maps, one patient (or visit) arriving both ways would
   * become two.
   */
  private void mapIdentifierPools() {
    mapPool(SandboxIdentifiers.MRN_SYSTEM, sandbox.hl7().profile().mrnAuthority(), "MRN");
    mapPool(SandboxIdentifiers.FIN_SYSTEM, sandbox.hl7().profile().finAuthority(), "FIN");
  }

  private void mapPool(String oid, String alias, String what) {
    if (codeMaps.lookup(CodeMapKind.ASSIGNING_AUTHORITY, null, FhirSystems.URI, oid).isEmpty()) {
      codeMaps.create(
          new CodeMapInput(
              CodeMapKind.ASSIGNING_AUTHORITY.wire(),
              null,
              FhirSystems.URI,
              oid,
              alias,
              "the sandbox's " + what + " pool, as HL7 names it",
              true));
    }
  }

  /** The first enabled listener that is bound (the default one on a fresh demo data dir). */
  private OptionalInt listenerPort() {
    for (Hl7Interface listener : interfaces.list(InterfaceKind.LISTENER)) {
      OptionalInt port =
          listener.enabled() ? registry.boundPort(listener.name()) : OptionalInt.empty();
      if (port.isPresent()) {
        return port;
      }
    }
    return OptionalInt.empty();
  }
}
