package com.practicestudio.directory;

import static org.assertj.core.api.Assertions.assertThat;

import com.practicestudio.security.Role;
import com.practicestudio.security.users.UserService;
import com.practicestudio.testing.IntegrationTest;
import com.practicestudio.testing.JsonApi;
import com.practicestudio.testing.JsonApi.Answer;
import com.practicestudio.testing.TestUsers;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
class DirectoryApiIT {

  @Autowired TestRestTemplate http;
  @Autowired JsonMapper json;
  @Autowired UserService users;
  @Autowired ProviderService providers;
  @Autowired LocationService locations;

  private static String operatorName;
  private static String viewerName;
  private JsonApi operator;
  private JsonApi viewer;

  @BeforeEach
  void users() {
    if (operatorName == null) {
      operatorName = TestUsers.create(users, Role.OPERATOR);
      viewerName = TestUsers.create(users, Role.VIEWER);
    }
    operator = new JsonApi(http, json, operatorName, TestUsers.PASSWORD);
    viewer = new JsonApi(http, json, viewerName, TestUsers.PASSWORD);
  }

  /** A valid NPI not used before in this database. */
  private static String freshNpi() {
    String nine =
        "1"
            + String.format(
                java.util.Locale.ROOT, "%08d", (System.nanoTime() / 1000) % 100_000_000);
    return nine + Npi.checkDigit(nine);
  }

  private static List<Long> ids(Answer page) {
    List<Long> ids = new ArrayList<>();
    page.body().get("items").forEach(p -> ids.add(p.get("id").asLong()));
    return ids;
  }

  @Test
  void creates_reads_replaces_and_searches_providers() {
    String npi = freshNpi();
    String last = "Crusher" + JsonApi.unique();
    Answer created =
        operator.post(
            "/api/v1/providers",
            """
            {"npi": "%s", "externalId": "prsnl-%s", "firstName": "Beverly", "lastName": "%s",
             "credentials": "MD", "specialty": "Family Medicine", "phone": "(555) 123-4567 x89",
             "email": "bev@example.org"}
            """
                .formatted(npi, npi, last));
    assertThat(created.code()).as(created.text()).isEqualTo(201);
    long id = created.body().get("id").asLong();
    assertThat(created.headers().getLocation()).hasToString("/api/v1/providers/" + id);

    JsonNode p = viewer.get("/api/v1/providers/" + id).body();
    assertThat(p.get("npi").asString()).isEqualTo(npi);
    assertThat(p.get("phone").asString()).isEqualTo("+15551234567");
    assertThat(p.get("phoneExtension").asString()).isEqualTo("89");
    assertThat(p.get("active").asBoolean()).isTrue();

    assertThat(ids(viewer.get("/api/v1/providers?npi=" + npi))).containsExactly(id);
    assertThat(ids(viewer.get("/api/v1/providers?externalId=prsnl-" + npi))).containsExactly(id);
    assertThat(ids(viewer.get("/api/v1/providers?lastName=" + last.toLowerCase().substring(0, 9))))
        .contains(id);

    Answer replaced =
        operator.put(
            "/api/v1/providers/" + id,
            "{\"npi\":\"" + npi + "\",\"lastName\":\"" + last + "\",\"active\":false}",
            null);
    assertThat(replaced.code()).isEqualTo(200);
    assertThat(replaced.body().get("credentials").isNull()).isTrue();
    assertThat(replaced.body().get("active").asBoolean()).isFalse();
  }

  @Test
  void provider_validation_conflicts_and_404s() {
    Answer bad =
        operator.post(
            "/api/v1/providers", "{\"npi\":\"1234567890\",\"email\":\"x\",\"firstName\":\"A\"}");
    assertThat(bad.code()).isEqualTo(400);
    assertThat(bad.badFields()).containsExactlyInAnyOrder("npi", "email", "lastName");

    String npi = freshNpi();
    assertThat(
            operator
                .post("/api/v1/providers", "{\"npi\":\"" + npi + "\",\"lastName\":\"A\"}")
                .code())
        .isEqualTo(201);
    assertThat(
            operator
                .post("/api/v1/providers", "{\"npi\":\"" + npi + "\",\"lastName\":\"B\"}")
                .code())
        .isEqualTo(409);
    assertThat(viewer.get("/api/v1/providers/999999999").code()).isEqualTo(404);
    assertThat(operator.put("/api/v1/providers/999999999", "{\"lastName\":\"A\"}", null).code())
        .isEqualTo(404);
    assertThat(viewer.post("/api/v1/providers", "{\"lastName\":\"A\"}").code()).isEqualTo(403);
    assertThat(JsonApi.anonymous(http, json).get("/api/v1/providers").code()).isEqualTo(401);
  }

  @Test
  void upsert_finds_providers_by_external_id_then_npi_and_keeps_unsent_fields() {
    String npi = freshNpi();
    String ext = "prsnl-" + JsonApi.unique();
    Provider first =
        providers.upsert(
            new ProviderInput(ext, npi, "Leonard", "McCoy", "MD", null, null, null, null, null));
    Provider second =
        providers.upsert(
            new ProviderInput(
                ext, null, null, "McCoy", null, "Cardiology", null, null, null, null));
    assertThat(second.id()).isEqualTo(first.id());
    assertThat(second.firstName()).isEqualTo("Leonard");
    assertThat(second.specialty()).isEqualTo("Cardiology");
    Provider byNpi =
        providers.upsert(
            new ProviderInput(null, npi, null, "McCoy", null, null, null, null, null, false));
    assertThat(byNpi.id()).isEqualTo(first.id());
    assertThat(byNpi.active()).isFalse();
  }

  @Test
  void creates_reads_replaces_and_searches_locations() {
    String name = "North Clinic " + JsonApi.unique();
    Answer created =
        operator.post(
            "/api/v1/locations",
            """
            {"name": "%s", "kind": "clinic", "timeZone": "America/New_York", "externalId": "loc-%s",
             "address": {"line1": "5 Elm", "city": "Albany", "state": "NY", "postalCode": "12207"},
             "phone": "518 555 0100"}
            """
                .formatted(name, name));
    assertThat(created.code()).as(created.text()).isEqualTo(201);
    long id = created.body().get("id").asLong();
    JsonNode l = viewer.get("/api/v1/locations/" + id).body();
    assertThat(l.get("timeZone").asString()).isEqualTo("America/New_York");
    assertThat(l.get("phone").asString()).isEqualTo("+15185550100");
    assertThat(l.get("address").get("city").asString()).isEqualTo("Albany");

    assertThat(ids(viewer.get("/api/v1/locations?name=" + name.substring(6).toUpperCase())))
        .containsExactly(id);
    assertThat(ids(viewer.get("/api/v1/locations?externalId=loc-" + name))).containsExactly(id);

    Answer replaced = operator.put("/api/v1/locations/" + id, "{\"name\":\"" + name + "\"}", null);
    assertThat(replaced.body().get("timeZone").asString())
        .as("the default time zone")
        .isEqualTo("America/Chicago");
    assertThat(replaced.body().get("address").isNull()).isTrue();
  }

  @Test
  void location_validation_conflicts_and_404s() {
    Answer bad =
        operator.post(
            "/api/v1/locations",
            "{\"timeZone\":\"Mars/Olympus\",\"address\":{\"postalCode\":\"1\"}}");
    assertThat(bad.code()).isEqualTo(400);
    assertThat(bad.badFields()).containsExactlyInAnyOrder("name", "timeZone", "address.postalCode");
    assertThat(
            operator
                .post("/api/v1/locations", "{\"name\":\"A\",\"timeZone\":\"+02:00\"}")
                .badFields())
        .containsExactly("timeZone");

    String ext = "loc-" + JsonApi.unique();
    assertThat(
            operator
                .post("/api/v1/locations", "{\"name\":\"A\",\"externalId\":\"" + ext + "\"}")
                .code())
        .isEqualTo(201);
    assertThat(
            operator
                .post("/api/v1/locations", "{\"name\":\"B\",\"externalId\":\"" + ext + "\"}")
                .code())
        .isEqualTo(409);
    assertThat(viewer.get("/api/v1/locations/999999999").code()).isEqualTo(404);
    assertThat(viewer.get("/api/v1/locations?limit=501").badFields()).containsExactly("limit");
  }

  @Test
  void pages_through_locations() {
    String name = "Paged Place " + JsonApi.unique();
    List<Long> created = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      created.add(
          locations.create(new LocationInput(null, name, null, null, null, null, null, null)).id());
    }
    Answer first = viewer.get("/api/v1/locations?name=" + name + "&limit=2");
    Answer second =
        viewer.get(
            "/api/v1/locations?name="
                + name
                + "&limit=2&cursor="
                + first.body().get("next").asString());
    assertThat(ids(first)).containsExactly(created.get(0), created.get(1));
    assertThat(ids(second)).containsExactly(created.get(2));
    assertThat(second.body().get("next").isNull()).isTrue();
  }
}
