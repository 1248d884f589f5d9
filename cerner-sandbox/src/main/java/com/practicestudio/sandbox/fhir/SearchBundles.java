package com.practicestudio.sandbox.fhir;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.function.Function;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;

/**
 * Builds searchset Bundles one page at a time. The next link repeats the search with an opaque
 * {@code -pageContext}, so a client follows it as given.
 */
final class SearchBundles {

  static final int DEFAULT_COUNT = 20;
  static final int MAX_COUNT = 200;

  private SearchBundles() {}

  /** One page of {@code matches}, mapped to FHIR only for the page. */
  static <T> Bundle page(
      RequestDetails request,
      SearchRequest search,
      List<T> matches,
      Function<T, ? extends Resource> mapper) {
    int count = search.count(DEFAULT_COUNT, MAX_COUNT);
    int offset = search.offset();
    String base = request.getFhirServerBase();
    String type = request.getResourceName();
    Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET);
    bundle.setId(UUID.randomUUID().toString());
    bundle.setTotal(matches.size());
    bundle
        .addLink()
        .setRelation("self")
        .setUrl(base + "/" + type + "?" + query(search.forNextPage(), null));
    int end = Math.min(matches.size(), offset + count);
    for (T match : matches.subList(Math.min(offset, matches.size()), end)) {
      Resource resource = mapper.apply(match);
      bundle
          .addEntry()
          .setFullUrl(base + "/" + resource.fhirType() + "/" + resource.getIdElement().getIdPart())
          .setResource(resource)
          .getSearch()
          .setMode(Bundle.SearchEntryMode.MATCH);
    }
    if (end < matches.size()) {
      String context =
          Base64.getUrlEncoder()
              .withoutPadding()
              .encodeToString(Integer.toString(end).getBytes(StandardCharsets.US_ASCII));
      bundle
          .addLink()
          .setRelation("next")
          .setUrl(base + "/" + type + "?" + query(search.forNextPage(), context));
    }
    return bundle;
  }

  /** 422 when a search matches more than {@code limit} records. */
  static void limit(List<?> matches, int limit, String type) {
    if (matches.size() > limit) {
      throw new UnprocessableEntityException(
          "More than " + limit + " " + type + " resources match the search; narrow it down.");
    }
  }

  private static String query(Map<String, String[]> parameters, String pageContext) {
    StringJoiner query = new StringJoiner("&");
    parameters.forEach(
        (name, values) -> {
          for (String value : values) {
            query.add(encode(name) + "=" + encode(value));
          }
        });
    if (pageContext != null) {
      query.add(SearchRequest.PAGE_CONTEXT + "=" + pageContext);
      query.add(SearchRequest.PAGE_DIRECTION + "=NEXT");
    }
    return query.toString();
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("%2F", "/");
  }
}
