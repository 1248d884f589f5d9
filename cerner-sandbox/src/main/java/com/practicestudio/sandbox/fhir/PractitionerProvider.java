package com.practicestudio.sandbox.fhir;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import com.practicestudio.sandbox.data.ProviderRecord;
import com.practicestudio.sandbox.data.SandboxData;
import java.util.List;
import java.util.function.Predicate;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Practitioner;

/** Practitioner read and search. */
public final class PractitionerProvider implements IResourceProvider {

  private final SandboxData data;
  private final DirectoryMapper mapper;

  public PractitionerProvider(SandboxData data, DirectoryMapper mapper) {
    this.data = data;
    this.mapper = mapper;
  }

  @Override
  public Class<Practitioner> getResourceType() {
    return Practitioner.class;
  }

  @Read
  public Practitioner read(@IdParam IdType id) {
    return data.provider(Ids.numeric(id))
        .map(mapper::toFhir)
        .orElseThrow(() -> new ResourceNotFoundException(id));
  }

  @Search(allowUnknownParams = true)
  public Bundle search(RequestDetails request) {
    SearchRequest search = new SearchRequest("Practitioner", request.getParameters());
    search.requireOneOf("_id", "identifier", "name", "family", "given");
    search.atMostOnce("_id", "identifier", "name", "family", "given");
    Predicate<ProviderRecord> filter = p -> true;
    if (search.has("_id")) {
      List<String> ids = search.list("_id");
      filter = filter.and(p -> ids.contains(Long.toString(p.personnelId())));
    }
    if (search.has("identifier")) {
      String token = search.single("identifier").orElseThrow();
      String value = token.substring(token.indexOf('|') + 1);
      filter = filter.and(p -> p.npi().equals(value));
    }
    for (String part : List.of("family", "given", "name")) {
      if (search.has(part)) {
        String wanted = search.single(part).orElseThrow();
        boolean exact = search.exact(part);
        filter =
            filter.and(
                p ->
                    ("given".equals(part)
                            ? false
                            : PatientProvider.matches(p.name().family(), wanted, exact))
                        || (!"family".equals(part)
                            && PatientProvider.matches(p.name().given(), wanted, exact)));
      }
    }
    List<ProviderRecord> matches = data.providers().stream().filter(filter).toList();
    return SearchBundles.page(request, search, matches, mapper::toFhir);
  }
}
