package com.practicestudio.sandbox.fhir;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import com.practicestudio.sandbox.data.PatientRecord;
import com.practicestudio.sandbox.data.Phone;
import com.practicestudio.sandbox.data.SandboxData;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;

/** Patient read and search with Cerner's parameter rules (more than 1,000 matches → 422). */
public final class PatientProvider implements IResourceProvider {

  static final int MAX_MATCHES = 1000;
  private static final String[] REQUIRED = {
    "_id",
    "identifier",
    "name",
    "family",
    "given",
    "birthdate",
    "phone",
    "email",
    "address-postalcode"
  };

  private final SandboxData data;
  private final PatientMapper mapper;

  public PatientProvider(SandboxData data, PatientMapper mapper) {
    this.data = data;
    this.mapper = mapper;
  }

  @Override
  public Class<Patient> getResourceType() {
    return Patient.class;
  }

  @Read
  public Patient read(@IdParam IdType id) {
    return data.patient(Ids.numeric(id))
        .map(mapper::toFhir)
        .orElseThrow(() -> new ResourceNotFoundException(id));
  }

  @Search(allowUnknownParams = true)
  public Bundle search(RequestDetails request) {
    SearchRequest search = new SearchRequest("Patient", request.getParameters());
    search.requireOneOf(REQUIRED);
    search.atMostOnce(
        "_id",
        "identifier",
        "name",
        "family",
        "given",
        "phone",
        "email",
        "address-postalcode",
        "gender");
    if (search.all("birthdate").size() > 2) {
      throw new InvalidRequestException("The birthdate parameter may be given at most twice");
    }
    Predicate<PatientRecord> filter = filter(search);
    List<PatientRecord> matches = data.patients().stream().filter(filter).toList();
    SearchBundles.limit(matches, MAX_MATCHES, "Patient");
    return SearchBundles.page(request, search, matches, mapper::toFhir);
  }

  /** The records a search selects; also used by the Millennium person search. */
  static Predicate<PatientRecord> filter(SearchRequest search) {
    Predicate<PatientRecord> filter = p -> true;
    if (search.has("_id")) {
      List<String> ids = search.list("_id");
      filter = filter.and(p -> ids.contains(Long.toString(p.personId())));
    }
    if (search.has("identifier")) {
      String token = search.single("identifier").orElseThrow();
      filter = filter.and(p -> hasIdentifier(p, token));
    }
    filter = filter.and(names(search));
    if (search.has("birthdate")) {
      DateRange range =
          search.all("birthdate").size() == 2
              ? DateRange.bounded("birthdate", search.all("birthdate"), false)
              : DateRange.parse("birthdate", search.all("birthdate"), false);
      filter = filter.and(p -> range.contains(p.birthDate()));
    }
    if (search.has("phone")) {
      String digits =
          new Phone(Phone.Use.HOME, search.single("phone").orElseThrow()).nationalDigits();
      filter =
          filter.and(p -> p.phones().stream().anyMatch(ph -> ph.nationalDigits().equals(digits)));
    }
    if (search.has("email")) {
      String email = search.single("email").orElseThrow();
      filter = filter.and(p -> p.emails().stream().anyMatch(e -> e.equalsIgnoreCase(email)));
    }
    if (search.has("address-postalcode")) {
      String zip = search.single("address-postalcode").orElseThrow();
      filter =
          filter.and(p -> p.addresses().stream().anyMatch(a -> a.postalCode().startsWith(zip)));
    }
    if (search.has("gender")) {
      String gender = search.single("gender").orElseThrow();
      filter = filter.and(p -> p.sex().fhirGender().equals(gender));
    }
    return filter;
  }

  private static Predicate<PatientRecord> names(SearchRequest search) {
    Predicate<PatientRecord> filter = p -> true;
    if (search.has("family")) {
      String family = search.single("family").orElseThrow();
      boolean exact = search.exact("family");
      filter = filter.and(p -> matches(p.name().family(), family, exact));
    }
    if (search.has("given")) {
      String given = search.single("given").orElseThrow();
      boolean exact = search.exact("given");
      filter = filter.and(p -> matches(p.name().given(), given, exact));
    }
    if (search.has("name")) {
      String name = search.single("name").orElseThrow();
      boolean exact = search.exact("name");
      filter =
          filter.and(
              p ->
                  matches(p.name().family(), name, exact)
                      || matches(p.name().given(), name, exact));
    }
    return filter;
  }

  static boolean matches(String value, String wanted, boolean exact) {
    String a = value.toLowerCase(Locale.ROOT);
    String b = wanted.toLowerCase(Locale.ROOT);
    return exact ? a.equals(b) : a.startsWith(b);
  }

  private static boolean hasIdentifier(PatientRecord patient, String token) {
    int bar = token.indexOf('|');
    String system = bar < 0 ? null : token.substring(0, bar);
    String value = bar < 0 ? token : token.substring(bar + 1);
    return patient.aliases().stream()
        .anyMatch(
            a ->
                a.value().equals(value)
                    && (system == null || system.isEmpty() || a.system().equals(system)));
  }
}
