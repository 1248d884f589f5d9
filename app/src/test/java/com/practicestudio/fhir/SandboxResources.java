package com.practicestudio.fhir;

import ca.uhn.fhir.context.FhirContext;
import com.practicestudio.sandbox.CernerSandbox;
import com.practicestudio.sandbox.data.SandboxData;
import com.practicestudio.sandbox.fhir.CernerCodes;
import com.practicestudio.testing.Corpus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * Real input for the mapper tests: the Cerner sandbox's seeded domain turned into the resources it
 * serves (by its own mappers, which follow Cerner's documentation), and the corpus's R4 examples.
 * The sandbox is built, not started: no sockets.
 */
final class SandboxResources {

  static final String TENANT = "ec2458f2-1e24-41c8-b71b-0e701af7583d";
  static final FhirContext FHIR = FhirContext.forR4Cached();

  private static final CernerSandbox SANDBOX =
      CernerSandbox.builder().patients(120).seed(20_261_125L).build();

  private SandboxResources() {}

  static SandboxData data() {
    return SANDBOX.data();
  }

  static CernerCodes codes() {
    return new CernerCodes(TENANT);
  }

  static com.practicestudio.sandbox.fhir.PatientMapper patients() {
    return new com.practicestudio.sandbox.fhir.PatientMapper(codes());
  }

  static com.practicestudio.sandbox.fhir.SchedulingMapper scheduling() {
    return new com.practicestudio.sandbox.fhir.SchedulingMapper(codes());
  }

  static com.practicestudio.sandbox.fhir.EncounterMapper encounters() {
    return new com.practicestudio.sandbox.fhir.EncounterMapper(codes());
  }

  static <T extends IBaseResource> T corpus(String name, Class<T> type) {
    String json = text("fhir/r4-examples/" + name);
    return FHIR.newJsonParser().parseResource(type, json);
  }

  static <T extends IBaseResource> List<T> corpusLines(String name, Class<T> type) {
    return text("fhir/r4-examples/" + name)
        .lines()
        .filter(l -> !l.isBlank())
        .map(l -> FHIR.newJsonParser().parseResource(type, l))
        .toList();
  }

  /** Through JSON and back, as the resource would arrive over the wire. */
  static <T extends IBaseResource> T wire(T resource) {
    @SuppressWarnings("unchecked")
    Class<T> type = (Class<T>) resource.getClass();
    return FHIR.newJsonParser()
        .parseResource(type, FHIR.newJsonParser().encodeResourceToString(resource));
  }

  private static String text(String relative) {
    try {
      return Files.readString(Corpus.file(relative), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
