package com.practicestudio.clinical;

import static com.practicestudio.clinical.EncountersApiIT.ids;
import static org.assertj.core.api.Assertions.assertThat;

import com.practicestudio.scheduling.JsonApi;
import com.practicestudio.scheduling.RecordsFixture;
import com.practicestudio.security.Role;
import com.practicestudio.security.crypto.Crypto;
import com.practicestudio.security.crypto.EncryptedColumn;
import com.practicestudio.security.users.UserService;
import com.practicestudio.testing.IntegrationTest;
import com.practicestudio.testing.TestUsers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
class DocumentsApiIT {

  static final String API = "/api/v1/documents";
  static final long NO_SUCH_ID = 987_654_321_000L;

  @Autowired TestRestTemplate http;
  @Autowired JsonMapper json;
  @Autowired JdbcClient jdbc;
  @Autowired UserService users;
  @Autowired Crypto crypto;
  @Autowired List<EncryptedColumn> encryptedColumns;
  @Autowired ClinicalProperties settings;

  JsonApi api;
  RecordsFixture fixture;
  long patient;

  @BeforeEach
  void setUp() {
    api = JsonApi.admin(http, json);
    fixture = new RecordsFixture(jdbc);
    patient = fixture.patient();
  }

  /** A "PDF" whose bytes cover every byte value, so any re-encoding would show. */
  static byte[] pdfBytes() {
    byte[] head = "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII);
    byte[] bytes = new byte[head.length + 512];
    System.arraycopy(head, 0, bytes, 0, head.length);
    for (int i = 0; i < 512; i++) {
      bytes[head.length + i] = (byte) i;
    }
    return bytes;
  }

  Map<String, Object> body(byte[] content, String contentType) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("patientId", patient);
    body.put("type", Map.of("code", "11506-3", "display", "Progress note"));
    body.put("title", "Visit note");
    body.put("authorId", fixture.provider());
    body.put("createdTime", "2026-11-19T14:30:00Z");
    body.put("contentType", contentType);
    body.put("content", Base64.getEncoder().encodeToString(content));
    return body;
  }

  @Test
  void content_is_sealed_in_the_database_and_served_back_byte_identical() {
    byte[] pdf = pdfBytes();
    JsonApi.Response created = api.post(API, body(pdf, "application/pdf"));
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.body().has("content")).isFalse();
    assertThat(created.body().get("sizeBytes").asLong()).isEqualTo(pdf.length);
    assertThat(created.field("sha256")).isEqualTo(DocumentContentReader.sha256(pdf));
    assertThat(created.field("status")).isEqualTo("current");
    assertThat(created.body().get("type").get("code").asString()).isEqualTo("11506-3");

    byte[] raw =
        jdbc.sql("SELECT content FROM clinical_document WHERE id = ?")
            .param(created.id())
            .query((rs, n) -> rs.getBytes(1))
            .single();
    assertThat(raw).isNotEqualTo(pdf);
    assertThat(new String(raw, StandardCharsets.ISO_8859_1)).doesNotContain("%PDF");
    assertThat(crypto.open(raw, "clinical_document.content")).isEqualTo(pdf);
    assertThat(encryptedColumns)
        .contains(new EncryptedColumn("clinical_document", "id", "content"));

    ResponseEntity<byte[]> served = content(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD, created);
    assertThat(served.getStatusCode().value()).isEqualTo(200);
    assertThat(served.getBody()).isEqualTo(pdf);
    assertThat(served.getHeaders().getContentType().toString()).isEqualTo("application/pdf");
    assertThat(served.getHeaders().getContentDisposition().isAttachment()).isTrue();
    assertThat(served.getHeaders().getFirst("Content-Security-Policy")).isEqualTo("sandbox");
  }

  @Test
  void content_needs_phi_read_and_its_reads_are_audited() {
    JsonApi.Response created = api.post(API, body(pdfBytes(), "application/pdf"));
    String viewer = TestUsers.create(users, Role.VIEWER);
    String operator = TestUsers.create(users, Role.OPERATOR);

    assertThat(content(viewer, TestUsers.PASSWORD, created).getStatusCode().value()).isEqualTo(403);
    assertThat(api.as(viewer).get(API + "/" + created.id()).status()).isEqualTo(200);
    assertThat(PhiReads.of(jdbc, patient, "api:documents/content")).isZero();

    assertThat(content(operator, TestUsers.PASSWORD, created).getStatusCode().value())
        .isEqualTo(200);
    assertThat(PhiReads.of(jdbc, patient, "api:documents/content")).isEqualTo(1);
    assertThat(PhiReads.of(jdbc, patient, "api:documents")).isEqualTo(1);
  }

  @Test
  void text_content_keeps_its_charset_parameter() {
    byte[] text = "Ünïcode note\r\n".getBytes(StandardCharsets.UTF_8);
    JsonApi.Response created = api.post(API, body(text, "text/plain; charset=UTF-8"));
    assertThat(created.status()).isEqualTo(201);
    ResponseEntity<byte[]> served = content(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD, created);
    assertThat(served.getBody()).isEqualTo(text);
    assertThat(served.getHeaders().getContentType().getCharset()).isEqualTo(StandardCharsets.UTF_8);
  }

  static Stream<Arguments> invalidBodies() {
    return Stream.of(
        bad("no patient", b -> b.remove("patientId"), "patientId"),
        bad("unknown patient", b -> b.put("patientId", NO_SUCH_ID), "patientId"),
        bad("unknown encounter", b -> b.put("encounterId", NO_SUCH_ID), "encounterId"),
        bad("unknown author", b -> b.put("authorId", NO_SUCH_ID), "authorId"),
        bad("no type", b -> b.remove("type"), "type.code"),
        bad("type not LOINC", b -> b.put("type", Map.of("code", "11506-4")), "type.code"),
        bad("unknown status", b -> b.put("status", "final"), "status"),
        bad("no content type", b -> b.remove("contentType"), "contentType"),
        bad("image content type", b -> b.put("contentType", "image/png"), "contentType"),
        bad("not a MIME type", b -> b.put("contentType", "pdf"), "contentType"),
        bad("no content", b -> b.remove("content"), "content"),
        bad("empty content", b -> b.put("content", ""), "content"),
        bad("content not base64", b -> b.put("content", "JVBER*i0x"), "content"),
        bad(
            "to Cerner while superseded",
            b -> {
              b.put("sendToCerner", true);
              b.put("status", "superseded");
            },
            "status"));
  }

  static Arguments bad(String name, Consumer<Map<String, Object>> change, String field) {
    return Arguments.of(name, change, field);
  }

  @ParameterizedTest(name = "{0} → 400 naming {2}")
  @MethodSource("invalidBodies")
  void an_invalid_document_is_refused_naming_the_field(
      String name, Consumer<Map<String, Object>> change, String field) {
    Map<String, Object> body = body(pdfBytes(), "application/pdf");
    change.accept(body);
    JsonApi.Response response = api.post(API, body);
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.badFields()).containsExactly(field);
    assertThat(count()).isZero();
  }

  @Test
  void content_over_the_size_limit_is_refused() {
    int limit = (int) settings.maxDocumentSize().toBytes();
    byte[] tooBig = new byte[limit + 1];
    JsonApi.Response response = api.post(API, body(tooBig, "text/plain"));
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.badFields()).containsExactly("content");
    assertThat(count()).isZero();
  }

  @Test
  void put_changes_metadata_and_replaces_content_only_when_given() {
    byte[] pdf = pdfBytes();
    Map<String, Object> body = body(pdf, "application/pdf");
    JsonApi.Response created = api.post(API, body);
    body.remove("content");
    body.put("title", "Corrected note");
    body.put("version", 1);

    JsonApi.Response retitled = api.put(API + "/" + created.id(), body);
    assertThat(retitled.status()).isEqualTo(200);
    assertThat(retitled.field("title")).isEqualTo("Corrected note");
    assertThat(content(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD, created).getBody())
        .isEqualTo(pdf);
    assertThat(api.put(API + "/" + created.id(), body).status()).isEqualTo(409);

    body.remove("version");
    body.put("contentType", "text/plain");
    JsonApi.Response typeOnly = api.put(API + "/" + created.id(), body);
    assertThat(typeOnly.status()).isEqualTo(400);
    assertThat(typeOnly.badFields()).containsExactly("contentType");

    byte[] text = "replaced".getBytes(StandardCharsets.US_ASCII);
    body.put("content", Base64.getEncoder().encodeToString(text));
    JsonApi.Response replaced = api.put(API + "/" + created.id(), body);
    assertThat(replaced.status()).isEqualTo(200);
    assertThat(replaced.body().get("sizeBytes").asLong()).isEqualTo(text.length);
    assertThat(content(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD, created).getBody())
        .isEqualTo(text);
  }

  @Test
  void search_filters_and_pages_and_unknown_ids_answer_404() {
    long a = api.post(API, body(pdfBytes(), "application/pdf")).id();
    Map<String, Object> summary = body(pdfBytes(), "application/pdf");
    summary.put("type", Map.of("code", "18842-5", "display", "Discharge summary"));
    summary.put("createdTime", "2026-11-21T10:00:00Z");
    long b = api.post(API, summary).id();
    long c = api.post(API, body(pdfBytes(), "application/pdf")).id();

    String byPatient = API + "?patientId=" + patient;
    JsonApi.Response first = api.get(byPatient + "&limit=2");
    assertThat(ids(first)).containsExactly(a, b);
    assertThat(ids(api.get(byPatient + "&cursor=" + first.field("next")))).containsExactly(c);
    assertThat(ids(api.get(byPatient + "&type=18842-5"))).containsExactly(b);
    assertThat(ids(api.get(byPatient + "&from=2026-11-20T00:00:00Z"))).containsExactly(b);
    assertThat(api.get(byPatient + "&status=final").badFields()).containsExactly("status");

    assertThat(api.get(API + "/" + NO_SUCH_ID).status()).isEqualTo(404);
    assertThat(api.get(API + "/" + NO_SUCH_ID + "/content").status()).isEqualTo(404);
  }

  private ResponseEntity<byte[]> content(String user, String password, JsonApi.Response doc) {
    return http.withBasicAuth(user, password)
        .exchange(API + "/" + doc.id() + "/content", HttpMethod.GET, null, byte[].class);
  }

  private long count() {
    return jdbc.sql("SELECT count(*) FROM clinical_document WHERE patient_id = ?")
        .param(patient)
        .query(Long.class)
        .single();
  }
}
