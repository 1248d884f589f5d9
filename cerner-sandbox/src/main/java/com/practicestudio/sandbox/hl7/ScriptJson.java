package com.practicestudio.sandbox.hl7;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads scripts, generate specs and answer policies from the admin API's JSON. Every refusal is a
 * {@link BadFieldException} naming the field (e.g. {@code generate[1].count}).
 *
 * <pre>{@code
 * {"host": "localhost", "port": 2575,
 *  "messages": ["MSH|^~\\&|..."],
 *  "generate": [{"type": "ADT^A04", "count": 3, "patients": [12724066], "mrns": [], "seed": 7}],
 *  "ratePerSecond": 20, "inFlight": 4, "ackTimeoutMillis": 10000,
 *  "misbehave": {"splitInto": 3, "writeDelayMillis": 50, "garbageBeforeFrame": "noise",
 *                "resetMidFrameAt": 2, "duplicateEvery": 5}}
 *
 * {"default": {"code": "AA"},
 *  "byType": {"SIU^S15": {"code": "AE", "text": "Appointment locked", "delayMillis": 0}},
 *  "next": [{"count": 2, "code": "AR", "text": "Rejected"}],
 *  "rate": {"fraction": 0.1, "code": "NONE"}}
 * }</pre>
 */
final class ScriptJson {

  private ScriptJson() {}

  static Hl7Script script(JsonNode body) {
    Target target = target(body);
    Hl7Script.Builder builder = Hl7Script.to(target);
    for (int i = 0; i < array(body, "messages").size(); i++) {
      JsonNode message = body.get("messages").get(i);
      if (!message.isTextual() || message.asText().isBlank()) {
        throw new BadFieldException("messages[" + i + "]", "must be the text of a message");
      }
      builder.message(message.asText());
    }
    for (int i = 0; i < array(body, "generate").size(); i++) {
      builder.generate(generate(body.get("generate").get(i), "generate[" + i + "]."));
    }
    builder
        .ratePerSecond(number(body, "ratePerSecond", 0, 0, 100_000))
        .inFlight((int) number(body, "inFlight", 1, 1, 1000))
        .ackTimeout(millis(body, "ackTimeoutMillis", 10_000, 1, 600_000))
        .misbehave(misbehaviour(body.path("misbehave")));
    try {
      return builder.build();
    } catch (IllegalArgumentException e) {
      throw new BadFieldException("messages", e.getMessage());
    }
  }

  static GenerateSpec generate(JsonNode node, String prefix) {
    MessageKind kind;
    try {
      kind = MessageKind.of(node.path("type").asText(null));
    } catch (IllegalArgumentException e) {
      throw new BadFieldException(prefix + "type", e.getMessage());
    }
    int count = (int) number(node, prefix, "count", 1, 1, GenerateSpec.MAX_COUNT);
    List<Long> patients = new ArrayList<>();
    JsonNode ids = array(node, prefix, "patients");
    for (int i = 0; i < ids.size(); i++) {
      if (!ids.get(i).canConvertToLong()) {
        throw new BadFieldException(prefix + "patients[" + i + "]", "must be a PERSON_ID");
      }
      patients.add(ids.get(i).asLong());
    }
    List<String> mrns = new ArrayList<>();
    array(node, prefix, "mrns").forEach(mrn -> mrns.add(mrn.asText()));
    Long seed = node.hasNonNull("seed") ? node.get("seed").asLong() : null;
    return new GenerateSpec(kind, count, patients, mrns, seed);
  }

  /** Replaces {@code policy}'s rules with the body's (a missing part is cleared). */
  static void policy(JsonNode body, AnswerPolicy policy) {
    Answer fallback = body.has("default") ? answer(body.get("default"), "default.") : null;
    List<Map.Entry<String, Answer>> typed = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> types = body.path("byType").fields();
    while (types.hasNext()) {
      Map.Entry<String, JsonNode> type = types.next();
      typed.add(Map.entry(type.getKey(), answer(type.getValue(), "byType." + type.getKey() + ".")));
    }
    List<AnswerPolicy.Next> next = new ArrayList<>();
    for (int i = 0; i < array(body, "next").size(); i++) {
      JsonNode node = body.get("next").get(i);
      String prefix = "next[" + i + "].";
      next.add(
          new AnswerPolicy.Next(
              (int) number(node, prefix, "count", 1, 1, 1_000_000), answer(node, prefix)));
    }
    JsonNode rate = body.path("rate");
    AnswerPolicy.Rate rule =
        rate.isObject()
            ? new AnswerPolicy.Rate(
                number(rate, "rate.", "fraction", 0, 0, 1), answer(rate, "rate."))
            : null;
    policy.reset();
    if (fallback != null) {
      policy.always(fallback);
    }
    for (Map.Entry<String, Answer> entry : typed) {
      try {
        policy.forType(entry.getKey(), entry.getValue());
      } catch (IllegalArgumentException e) {
        throw new BadFieldException("byType", e.getMessage());
      }
    }
    next.forEach(n -> policy.next(n.count(), n.answer()));
    if (rule != null) {
      policy.rate(rule.fraction(), rule.answer());
    }
  }

  static Answer answer(JsonNode node, String prefix) {
    Answer.Code code;
    try {
      code = Answer.Code.valueOf(node.path("code").asText("AA"));
    } catch (IllegalArgumentException e) {
      throw new BadFieldException(prefix + "code", "must be AA, AE, AR or NONE");
    }
    String text = node.hasNonNull("text") ? node.get("text").asText() : null;
    Duration delay = millis(node, prefix, "delayMillis", 0, 0, Answer.MAX_DELAY.toMillis());
    return new Answer(code, text, delay);
  }

  static Target target(JsonNode body) {
    String host = body.path("host").asText("localhost");
    int port = (int) number(body, "", "port", -1, 1, 65_535);
    if (host.isBlank()) {
      throw new BadFieldException("host", "must not be blank");
    }
    return new Target(host, port);
  }

  private static Misbehaviour misbehaviour(JsonNode node) {
    if (node.isMissingNode() || node.isNull()) {
      return Misbehaviour.none();
    }
    String prefix = "misbehave.";
    String garbage =
        node.hasNonNull("garbageBeforeFrame") ? node.get("garbageBeforeFrame").asText() : null;
    int splitInto = (int) number(node, prefix, "splitInto", 1, 1, 1000);
    Duration writeDelay = millis(node, prefix, "writeDelayMillis", 0, 0, 30_000);
    int resetAt = (int) number(node, prefix, "resetMidFrameAt", 0, 0, Integer.MAX_VALUE);
    int duplicateEvery = (int) number(node, prefix, "duplicateEvery", 0, 0, Integer.MAX_VALUE);
    try {
      return new Misbehaviour(splitInto, writeDelay, garbage, resetAt, duplicateEvery);
    } catch (IllegalArgumentException e) {
      throw new BadFieldException("misbehave", e.getMessage());
    }
  }

  private static JsonNode array(JsonNode node, String name) {
    return array(node, "", name);
  }

  private static JsonNode array(JsonNode node, String prefix, String name) {
    JsonNode value = node.path(name);
    if (value.isMissingNode() || value.isNull()) {
      return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
    }
    if (!value.isArray()) {
      throw new BadFieldException(prefix + name, "must be a list");
    }
    return value;
  }

  private static double number(
      JsonNode node, String name, double fallback, double min, double max) {
    return number(node, "", name, fallback, min, max);
  }

  /** A number in [min, max]; {@code fallback} when absent (a fallback below min means required). */
  private static double number(
      JsonNode node, String prefix, String name, double fallback, double min, double max) {
    JsonNode value = node.path(name);
    if (value.isMissingNode() || value.isNull()) {
      if (fallback < min) {
        throw new BadFieldException(prefix + name, "is required");
      }
      return fallback;
    }
    if (!value.isNumber() || value.asDouble() < min || value.asDouble() > max) {
      throw new BadFieldException(
          prefix + name, "must be a number from " + format(min) + " to " + format(max));
    }
    return value.asDouble();
  }

  private static Duration millis(JsonNode node, String name, long fallback, long min, long max) {
    return millis(node, "", name, fallback, min, max);
  }

  private static Duration millis(
      JsonNode node, String prefix, String name, long fallback, long min, long max) {
    return Duration.ofMillis((long) number(node, prefix, name, fallback, min, max));
  }

  private static String format(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }
}
