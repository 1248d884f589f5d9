package com.practicestudio.sandbox.hl7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScriptJsonTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  static JsonNode json(String text) throws Exception {
    return JSON.readTree(text.replace('\'', '"'));
  }

  @Test
  void a_full_script_is_read() throws Exception {
    Hl7Script script =
        ScriptJson.script(
            json(
                "{'host': 'engine.local', 'port': 2575, 'messages': ['MSH|^~\\\\&|A'],"
                    + " 'generate': [{'type': 'adt^a04', 'count': 3, 'patients': [12], 'mrns': ['x'],"
                    + " 'seed': 9}], 'ratePerSecond': 2.5, 'inFlight': 4, 'ackTimeoutMillis': 1500,"
                    + " 'misbehave': {'splitInto': 3, 'writeDelayMillis': 20, 'garbageBeforeFrame':"
                    + " 'junk', 'resetMidFrameAt': 2, 'duplicateEvery': 5}}"));
    assertThat(script.target()).isEqualTo(new Target("engine.local", 2575));
    assertThat(script.messages()).containsExactly("MSH|^~\\&|A");
    assertThat(script.generate())
        .containsExactly(new GenerateSpec(MessageKind.ADT_A04, 3, List.of(12L), List.of("x"), 9L));
    assertThat(script.ratePerSecond()).isEqualTo(2.5);
    assertThat(script.inFlight()).isEqualTo(4);
    assertThat(script.ackTimeout()).isEqualTo(Duration.ofMillis(1500));
    assertThat(script.misbehaviour())
        .isEqualTo(new Misbehaviour(3, Duration.ofMillis(20), "junk", 2, 5));
  }

  @Test
  void defaults_fill_what_is_left_out() throws Exception {
    Hl7Script script = ScriptJson.script(json("{'port': 2575, 'generate': [{'type': 'ORU^R01'}]}"));
    assertThat(script.target().host()).isEqualTo("localhost");
    assertThat(script.generate().get(0).count()).isEqualTo(1);
    assertThat(script.inFlight()).isEqualTo(1);
    assertThat(script.ratePerSecond()).isZero();
    assertThat(script.ackTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(script.misbehaviour()).isEqualTo(Misbehaviour.none());
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = ';',
      value = {
        "{'generate': [{'type': 'ADT^A04'}]}; port",
        "{'port': 99999, 'generate': [{'type': 'ADT^A04'}]}; port",
        "{'port': 1}; messages",
        "{'port': 1, 'generate': [{'type': 'ADT^Z99'}]}; generate[0].type",
        "{'port': 1, 'generate': [{'type': 'ADT^A04'}, {'type': 'ORU^R01', 'count': 0}]};"
            + " generate[1].count",
        "{'port': 1, 'generate': [{'type': 'ADT^A04', 'patients': ['x']}]}; generate[0].patients[0]",
        "{'port': 1, 'messages': [7]}; messages[0]",
        "{'port': 1, 'messages': 'MSH'}; messages",
        "{'port': 1, 'messages': ['MSH'], 'inFlight': 0}; inFlight",
        "{'port': 1, 'messages': ['MSH'], 'misbehave': {'writeDelayMillis': 5}}; misbehave",
        "{'port': 1, 'messages': ['MSH'], 'misbehave': {'splitInto': -1}}; misbehave.splitInto"
      })
  void bad_scripts_are_refused_naming_the_field(String body, String field) throws Exception {
    assertThatThrownBy(() -> ScriptJson.script(json(body)))
        .isInstanceOfSatisfying(
            BadFieldException.class, e -> assertThat(e.field()).isEqualTo(field));
  }

  @Test
  void a_policy_replaces_the_one_in_force() throws Exception {
    AnswerPolicy policy = new AnswerPolicy(1).forType("ADT", Answer.reject("old"));
    ScriptJson.policy(
        json(
            "{'default': {'code': 'AE', 'text': 'down'}, 'byType': {'SIU^S12': {'code': 'NONE'}},"
                + " 'next': [{'count': 2, 'code': 'AR', 'delayMillis': 50}],"
                + " 'rate': {'fraction': 0.5, 'code': 'AA'}}"),
        policy);
    AnswerPolicy.Snapshot snapshot = policy.snapshot();
    assertThat(snapshot.fallback()).isEqualTo(Answer.error("down"));
    assertThat(snapshot.byType()).containsOnlyKeys("SIU^S12");
    assertThat(snapshot.next())
        .containsExactly(
            new AnswerPolicy.Next(2, Answer.reject(null).after(Duration.ofMillis(50))));
    assertThat(snapshot.rate()).isEqualTo(new AnswerPolicy.Rate(0.5, Answer.accept()));
    assertThatThrownBy(() -> ScriptJson.policy(json("{'default': {'code': 'OK'}}"), policy))
        .isInstanceOfSatisfying(
            BadFieldException.class, e -> assertThat(e.field()).isEqualTo("default.code"));
    assertThat(policy.snapshot()).as("a refused policy changes nothing").isEqualTo(snapshot);
  }
}
