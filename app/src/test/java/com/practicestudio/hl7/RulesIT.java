package com.practicestudio.hl7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.practicestudio.hl7v2.Hl7Message;
import com.practicestudio.journal.ExchangeFailure;
import com.practicestudio.journal.ExchangeJournal;
import com.practicestudio.journal.ExchangeStatus;
import com.practicestudio.journal.Payload;
import com.practicestudio.patients.Patient;
import com.practicestudio.patients.PatientService;
import com.practicestudio.security.Role;
import com.practicestudio.security.users.UserService;
import com.practicestudio.testing.JsonApi;
import com.practicestudio.testing.JsonApi.Answer;
import com.practicestudio.testing.TestUsers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Rules through the API: editing, ordering, trying on a pasted message, and applying them. */
@Hl7IntegrationTest
class RulesIT {

  @Autowired TestRestTemplate http;
  @Autowired JsonMapper json;
  @Autowired UserService users;
  @Autowired Hl7Interfaces interfaces;
  @Autowired InterfaceRegistry registry;
  @Autowired Hl7InboundPipeline pipeline;
  @Autowired ExchangeJournal journal;
  @Autowired JdbcClient jdbc;
  @Autowired PatientService patients;

  private static String engineerName;
  private static String viewerName;
  private JsonApi engineer;
  private JsonApi viewer;
  private Hl7Interface itf;
  private String base;

  @BeforeEach
  void setUp() {
    if (engineerName == null) {
      engineerName = TestUsers.create(users, Role.ENGINEER);
      viewerName = TestUsers.create(users, Role.VIEWER);
    }
    engineer = new JsonApi(http, json, engineerName, TestUsers.PASSWORD);
    viewer = new JsonApi(http, json, viewerName, TestUsers.PASSWORD);
    itf = new TestInterfaces(interfaces, registry).listener(null, null);
    base = "/api/v1/hl7/interfaces/" + itf.id() + "/rules";
  }

  @Test
  void rules_are_created_in_place_moved_and_deleted_with_dense_positions_and_audited() {
    Answer reject =
        engineer.post(
            base,
            """
            {"kind": "filter", "position": 1, "action": "reject",
             "match": {"sendingFacility": "TESTLAB"}, "description": "no test lab"}
            """);
    assertThat(reject.code()).isEqualTo(201);
    long rejectId = reject.body().path("id").asLong();
    JsonNode list = engineer.get(base).body().path("items");
    assertThat(list).hasSize(6);
    assertThat(list.get(0).path("id").asLong()).isEqualTo(rejectId);
    assertThat(list.get(1).path("position").asInt()).isEqualTo(2);

    Answer moved =
        engineer.put(
            base + "/" + rejectId,
            """
            {"position": 6, "action": "reject", "match": {"sendingFacility": "TESTLAB"}}
            """,
            null);
    assertThat(moved.body().path("position").asInt()).isEqualTo(6);
    assertThat(moved.body().path("version").asInt()).isEqualTo(2);
    list = engineer.get(base).body().path("items");
    assertThat(list.get(0).path("match").path("messageType").asString()).isEqualTo("ADT");
    assertThat(list.get(5).path("id").asLong()).isEqualTo(rejectId);

    assertThat(engineer.delete(base + "/" + rejectId).code()).isEqualTo(204);
    assertThat(engineer.get(base).body().path("items")).hasSize(5);
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM audit_event WHERE action = 'MAPPING_CHANGE'"
                        + " AND target_type = 'hl7_rule' AND target_id = ?")
                .param(Long.toString(rejectId))
                .query(Long.class)
                .single())
        .isEqualTo(3);
  }

  @Test
  void bad_rules_are_refused_naming_the_fields_and_only_mapping_writers_edit() {
    Answer bad =
        engineer.post(
            base,
            """
            {"kind": "transform", "action": "accept", "targetPath": "PID-", "match": {"fieldValue": "x"}}
            """);
    assertThat(bad.code()).isEqualTo(400);
    assertThat(bad.badFields()).contains("action", "match.fieldValue");
    Answer map =
        engineer.post(
            base,
            """
            {"kind": "transform", "action": "map", "targetPath": "MSH-2", "codeMapKind": "shoe-size"}
            """);
    assertThat(map.badFields()).contains("targetPath", "codeMapKind");
    Answer kindless =
        engineer.post(
            base, "{\"kind\": \"transform\", \"action\": \"map\", \"targetPath\": \"PID-8\"}");
    assertThat(kindless.code()).isEqualTo(400);
    assertThat(kindless.badFields()).containsExactly("codeMapKind");
    long gender =
        engineer
            .post(
                base,
                """
                {"kind": "transform", "action": "map", "targetPath": "PID-8", "codeMapKind": "gender"}
                """)
            .body()
            .path("id")
            .asLong();
    Answer kindDropped =
        engineer.put(base + "/" + gender, "{\"action\": \"map\", \"targetPath\": \"PID-8\"}", null);
    assertThat(kindDropped.code()).isEqualTo(400);
    assertThat(kindDropped.badFields()).containsExactly("codeMapKind");
    assertThat(engineer.get(base + "/" + gender).body().path("codeMapKind").asString())
        .isEqualTo("gender");
    Answer copy =
        engineer.post(
            base, "{\"kind\": \"transform\", \"action\": \"copy\", \"targetPath\": \"PID-9\"}");
    assertThat(copy.code()).isEqualTo(400);
    assertThat(copy.badFields()).containsExactly("sourcePath");
    assertThat(viewer.get(base).code()).isEqualTo(200);
    assertThat(viewer.post(base, "{\"kind\": \"filter\", \"action\": \"accept\"}").code())
        .isEqualTo(403);
  }

  @Test
  void trying_a_pasted_message_shows_the_verdict_the_deciding_rule_and_the_result() {
    String pasted = Hl7Samples.adt("A08", "T1", "MRN-0042").replace('\r', '\n');
    Answer plain = engineer.post(base + "/try", json.writeValueAsString(new Try(pasted, null)));
    assertThat(plain.code()).isEqualTo(200);
    assertThat(plain.body().path("verdict").asString()).isEqualTo("accept");
    assertThat(plain.body().path("decidedBy").asString()).isEqualTo("filter #1 (accept)");

    String candidate =
        """
        {"message": %s,
         "rule": {"kind": "transform", "action": "strip-prefix", "targetPath": "PID-3.1", "value": "MRN-"}}
        """
            .formatted(json.writeValueAsString(pasted));
    JsonNode tried = engineer.post(base + "/try", candidate).body();
    assertThat(tried.path("transforms").get(0).path("fired").asBoolean()).isTrue();
    assertThat(tried.path("output").asString()).contains("PID|1||0042^^^HOSP^MR");
    // nothing was saved
    assertThat(engineer.get(base).body().path("items")).hasSize(5);

    String rejecting =
        """
        {"message": %s, "rule": {"kind": "filter", "position": 1, "action": "reject",
                                 "match": {"fieldPath": "PID-8", "fieldValue": "F"}}}
        """
            .formatted(json.writeValueAsString(pasted));
    JsonNode rejected = engineer.post(base + "/try", rejecting).body();
    assertThat(rejected.path("verdict").asString()).isEqualTo("reject");
    assertThat(rejected.path("refusalCode").asString()).isEqualTo("HL7-051");
    assertThat(rejected.path("decidedBy").asString()).contains("the rule being tried");

    JsonNode broken =
        engineer.post(base + "/try", json.writeValueAsString(new Try("PID|1||x", null))).body();
    assertThat(broken.path("error").asString()).startsWith("HL7-002");
  }

  record Try(String message, Object rule) {}

  @Test
  void prepare_applies_the_transformations_and_the_journal_keeps_the_original() throws Exception {
    engineer.post(
        base,
        """
        {"kind": "transform", "action": "strip-prefix", "targetPath": "PID-3.1", "value": "MRN-"}
        """);
    engineer.post(
        base,
        """
        {"kind": "transform", "action": "map", "targetPath": "PID-8", "codeMapKind": "gender",
         "codeSystem": "HL70001"}
        """);
    engineer.post(
        base,
        """
        {"kind": "transform", "action": "set", "targetPath": "PV1-2", "value": "E",
         "match": {"triggerEvent": "A04"}}
        """);
    engineer.post(
        base,
        """
        {"kind": "transform", "action": "copy", "sourcePath": "PID-5", "targetPath": "PID-9"}
        """);
    String id = Hl7Samples.unique();
    String mrn = "Q" + id;
    String original = Hl7Samples.adt("A04", id, "MRN-" + mrn).replace("|19800101|F", "|19800101|A");
    try (MllpPeer peer = new MllpPeer(registry.boundPort(itf.name()).orElseThrow())) {
      peer.send(original);
      assertThat(peer.answer(Duration.ofSeconds(10))).contains("MSA|AA|" + id);
    }
    long rowId =
        jdbc.sql("SELECT id FROM exchange WHERE endpoint = ? AND message_id = ?")
            .params(itf.name(), id)
            .query(Long.class)
            .single();
    var exchange =
        await()
            .atMost(Duration.ofSeconds(20))
            .until(() -> journal.find(rowId).orElseThrow(), e -> e.status().finished());
    assertThat(exchange.status()).isEqualTo(ExchangeStatus.APPLIED);
    assertThat(patients.findByMrn(mrn, "HOSP"))
        .as("the handler applied the transformed message")
        .get()
        .extracting(Patient::gender)
        .isEqualTo("O");
    Payload stored = journal.readPayload(rowId, "test").orElseThrow();
    assertThat(stored.text()).isEqualTo(original);

    Hl7Message prepared = pipeline.prepare(exchange, stored);

    assertThat(prepared.get("PID-3.1")).isEqualTo(mrn);
    assertThat(prepared.get("PID-3(2).1")).isEqualTo("99MRN-" + mrn); // only the path given
    assertThat(prepared.get("PID-8")).isEqualTo("O"); // HL7 0001 "A" (ambiguous) → O
    assertThat(prepared.get("PV1-2")).isEqualTo("E");
    assertThat(prepared.raw("PID-9")).isEqualTo("DOE^JANE^Q");
    assertThat(pipeline.interfaceOf(exchange))
        .get()
        .extracting(Hl7Interface::name)
        .isEqualTo(itf.name());

    // a rule added later rejects it when it is applied again
    engineer.post(
        base,
        """
        {"kind": "filter", "position": 1, "action": "reject", "match": {"sendingFacility": "HOSP"}}
        """);
    assertThatThrownBy(() -> pipeline.prepare(exchange, stored))
        .isInstanceOf(ExchangeFailure.class)
        .hasMessageStartingWith("HL7-051");
    assertThatThrownBy(
            () ->
                pipeline.prepare(
                    exchange, new Payload("not hl7".getBytes(StandardCharsets.US_ASCII), null)))
        .isInstanceOf(ExchangeFailure.class)
        .hasMessageStartingWith("HL7-");
  }

  @Test
  void a_move_gives_every_rule_it_shifts_a_new_version_so_a_stale_move_of_one_is_refused() {
    JsonNode before = engineer.get(base).body().path("items");
    assertThat(before)
        .hasSize(5)
        .allSatisfy(r -> assertThat(r.path("kind").asString()).isEqualTo("filter"));
    JsonNode last = before.get(4);

    Answer moved =
        engineer.put(base + "/" + last.path("id").asLong(), moveTo(last, 2), version(last));
    assertThat(moved.code()).isEqualTo(200);

    JsonNode after = engineer.get(base).body().path("items");
    assertThat(after.get(0).path("version").asInt())
        .as("rule #1 kept its place and its version")
        .isEqualTo(before.get(0).path("version").asInt());
    for (int i = 1; i <= 3; i++) {
      JsonNode shifted = after.get(i + 1);
      assertThat(shifted.path("id").asLong()).isEqualTo(before.get(i).path("id").asLong());
      assertThat(shifted.path("version").asInt())
          .as("rule shifted from #%d to #%d", i + 1, i + 2)
          .isEqualTo(before.get(i).path("version").asInt() + 1);
    }

    // a page read before the move still offers "move #2 up" with #2's old version
    JsonNode stale = before.get(1);
    Answer refused =
        engineer.put(base + "/" + stale.path("id").asLong(), moveTo(stale, 1), version(stale));
    assertThat(refused.code()).isEqualTo(409);
    assertThat(engineer.get(base).body().path("items").get(2).path("id").asLong())
        .isEqualTo(stale.path("id").asLong());
  }

  private static String moveTo(JsonNode rule, int position) {
    return "{\"position\": %d, \"action\": \"%s\", \"match\": %s}"
        .formatted(position, rule.path("action").asString(), rule.path("match"));
  }

  private static String version(JsonNode rule) {
    return "\"" + rule.path("version").asInt() + "\"";
  }

  @Test
  void a_copy_rule_saved_without_a_source_fails_each_message_it_matches_naming_the_rule()
      throws Exception {
    // saved before sourcePath was required; the API refuses such a rule today
    long legacy =
        jdbc.sql(
                "INSERT INTO hl7_rule (interface_id, kind, position, action, target_path,"
                    + " created_at, updated_at) VALUES (?, 'TRANSFORM', 1, 'COPY', 'PID-19',"
                    + " now(), now()) RETURNING id")
            .param(itf.id())
            .query(Long.class)
            .single();
    registry.reload();
    String expected =
        "a transformation rule lacks a field it needs; fix the rule: transform #1 (copy), rule "
            + legacy
            + ", needs a source field";

    String id = Hl7Samples.unique();
    String message = Hl7Samples.adt("A08", id, "MRN-" + id);
    JsonNode tried =
        engineer
            .post(
                base + "/try", json.writeValueAsString(new Try(message.replace('\r', '\n'), null)))
            .body();
    assertThat(tried.path("error").asString()).isEqualTo("HL7-068 " + expected);

    try (MllpPeer peer = new MllpPeer(registry.boundPort(itf.name()).orElseThrow())) {
      peer.send(message);
      peer.answer(Duration.ofSeconds(10));
    }
    long rowId =
        jdbc.sql("SELECT id FROM exchange WHERE endpoint = ? AND message_id = ?")
            .params(itf.name(), id)
            .query(Long.class)
            .single();
    var failed =
        await()
            .atMost(Duration.ofSeconds(20))
            .until(() -> journal.find(rowId).orElseThrow(), e -> e.status().finished());
    assertThat(failed.status()).isEqualTo(ExchangeStatus.FAILED);
    assertThat(failed.errorCode()).isEqualTo("HL7-068");
    assertThat(failed.errorText()).isEqualTo(expected).doesNotContain(id);
  }

  @Test
  void a_map_rule_saved_without_a_code_map_kind_is_flagged_instead_of_mapping_nothing() {
    // stored by hand or before the kind was checked; the API refuses such a rule today
    long legacy =
        jdbc.sql(
                "INSERT INTO hl7_rule (interface_id, kind, position, action, target_path,"
                    + " created_at, updated_at) VALUES (?, 'TRANSFORM', 1, 'MAP', 'PID-8',"
                    + " now(), now()) RETURNING id")
            .param(itf.id())
            .query(Long.class)
            .single();
    registry.reload();
    String message = Hl7Samples.adt("A08", Hl7Samples.unique(), "MRN-1").replace('\r', '\n');

    JsonNode tried =
        engineer.post(base + "/try", json.writeValueAsString(new Try(message, null))).body();

    assertThat(tried.path("error").asString())
        .isEqualTo(
            "HL7-068 a transformation rule lacks a field it needs; fix the rule: transform #1"
                + " (map), rule "
                + legacy
                + ", needs a code map kind");
  }
}
