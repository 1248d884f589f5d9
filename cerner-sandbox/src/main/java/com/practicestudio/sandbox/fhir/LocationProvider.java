package com.practicestudio.sandbox.fhir;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import com.practicestudio.sandbox.data.LocationRecord;
import com.practicestudio.sandbox.data.SandboxData;
import java.util.List;
import java.util.function.Predicate;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Location;

/** Location read and search. */
public final class LocationProvider implements IResourceProvider {

  private final SandboxData data;
  private final DirectoryMapper mapper;

  public LocationProvider(SandboxData data, DirectoryMapper mapper) {
    this.data = data;
    this.mapper = mapper;
  }

  @Override
  public Class<Location> getResourceType() {
    return Location.class;
  }

  @Read
  public Location read(@IdParam IdType id) {
    return data.location(Ids.numeric(id))
        .map(mapper::toFhir)
        .orElseThrow(() -> new ResourceNotFoundException(id));
  }

  @Search(allowUnknownParams = true)
  public Bundle search(RequestDetails request) {
    SearchRequest search = new SearchRequest("Location", request.getParameters());
    search.requireOneOf("_id", "name", "address-postalcode", "-physicalType");
    search.atMostOnce("_id", "name", "address-postalcode", "-physicalType");
    Predicate<LocationRecord> filter = l -> true;
    if (search.has("_id")) {
      List<String> ids = search.list("_id");
      filter = filter.and(l -> ids.contains(Long.toString(l.locationId())));
    }
    if (search.has("name")) {
      String name = search.single("name").orElseThrow();
      filter = filter.and(l -> PatientProvider.matches(l.name(), name, search.exact("name")));
    }
    if (search.has("address-postalcode")) {
      String zip = search.single("address-postalcode").orElseThrow();
      filter = filter.and(l -> l.address().postalCode().startsWith(zip));
    }
    if (search.has("-physicalType")) {
      String type = search.single("-physicalType").orElseThrow();
      String code = type.substring(type.indexOf('|') + 1);
      filter = filter.and(l -> code.equals(l.kind() == LocationRecord.Kind.FACILITY ? "si" : "bu"));
    }
    List<LocationRecord> matches = data.locations().stream().filter(filter).toList();
    return SearchBundles.page(request, search, matches, mapper::toFhir);
  }
}
