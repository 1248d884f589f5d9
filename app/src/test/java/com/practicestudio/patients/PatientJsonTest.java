package com.practicestudio.patients;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class PatientJsonTest {

  private final JsonMapper json = JsonMapper.builder().build();

  private JsonNode tree(String text) {
    return json.readTree(text);
  }

  @Test
  void merge_patch_follows_rfc_7386() {
    JsonNode target =
        tree(
            """
            {"a":"b","c":{"d":"e","f":"g"},"list":[1,2],"keep":true}
            """);
    JsonNode patch =
        tree(
            """
            {"a":"z","c":{"f":null,"h":"i"},"list":[3],"new":1}
            """);
    assertThat(PatientJson.mergePatch(target, patch))
        .isEqualTo(
            tree(
                """
                {"a":"z","c":{"d":"e","h":"i"},"list":[3],"keep":true,"new":1}
                """));
    assertThat(target.get("a").asString()).as("target untouched").isEqualTo("b");
  }

  @Test
  void null_removes_a_member_and_a_non_object_replaces_the_whole() {
    assertThat(PatientJson.mergePatch(tree("{\"a\":1,\"b\":2}"), tree("{\"a\":null}")))
        .isEqualTo(tree("{\"b\":2}"));
    assertThat(PatientJson.mergePatch(tree("{\"a\":{\"x\":1}}"), tree("{\"a\":\"flat\"}")))
        .isEqualTo(tree("{\"a\":\"flat\"}"));
    assertThat(
            PatientJson.mergePatch(tree("{\"a\":\"flat\"}"), tree("{\"a\":{\"x\":null,\"y\":1}}")))
        .isEqualTo(tree("{\"a\":{\"y\":1}}"));
  }

  @Test
  void tells_an_explicit_null_from_a_missing_member() {
    assertThat(PatientJson.explicitNull(tree("{\"ssn\":null}"), "ssn")).isTrue();
    assertThat(PatientJson.explicitNull(tree("{}"), "ssn")).isFalse();
    assertThat(PatientJson.explicitNull(tree("{\"ssn\":\"1\"}"), "ssn")).isFalse();
  }
}
