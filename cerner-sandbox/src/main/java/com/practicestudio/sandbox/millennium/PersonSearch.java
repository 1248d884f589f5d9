package com.practicestudio.sandbox.millennium;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import com.practicestudio.sandbox.data.PatientRecord;
import com.practicestudio.sandbox.data.SandboxData;
import com.practicestudio.sandbox.fhir.CernerCodes;
import com.practicestudio.sandbox.fhir.PatientMapper;
import java.util.List;
import java.util.Locale;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;

/** The person search web service: family and/or given name prefixes, at most 1,000 matches. */
final class PersonSearch {

  private static final int MAX_MATCHES = 1000;

  private final SandboxData data;
  private final PatientMapper mapper;

  PersonSearch(SandboxData data, CernerCodes codes) {
    this.data = data;
    this.mapper = new PatientMapper(codes);
  }

  Bundle search(Parameters body, String fhirRoot) {
    String family = value(body, "family");
    String given = value(body, "given");
    if (family == null && given == null) {
      throw new InvalidRequestException("The Parameters body needs a family or a given parameter");
    }
    List<PatientRecord> matches =
        data.patients().stream()
            .filter(p -> family == null || startsWith(p.name().family(), family))
            .filter(p -> given == null || startsWith(p.name().given(), given))
            .toList();
    if (matches.size() > MAX_MATCHES) {
      throw new UnprocessableEntityException(
          "More than " + MAX_MATCHES + " persons match the search; narrow it down.");
    }
    Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET).setTotal(matches.size());
    bundle.setId(java.util.UUID.randomUUID().toString());
    for (PatientRecord match : matches) {
      Patient patient = mapper.toFhir(match);
      bundle
          .addEntry()
          .setFullUrl(fhirRoot + "/Patient/" + match.personId())
          .setResource(patient)
          .getSearch()
          .setMode(Bundle.SearchEntryMode.MATCH);
    }
    return bundle;
  }

  private static String value(Parameters body, String name) {
    return body.getParameter().stream()
        .filter(p -> name.equals(p.getName()) && p.hasValue())
        .map(p -> p.getValue().primitiveValue())
        .filter(v -> v != null && !v.isBlank())
        .findFirst()
        .orElse(null);
  }

  private static boolean startsWith(String value, String prefix) {
    return value.toLowerCase(Locale.ROOT).startsWith(prefix.toLowerCase(Locale.ROOT));
  }
}
