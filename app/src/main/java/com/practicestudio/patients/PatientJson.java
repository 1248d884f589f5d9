package com.practicestudio.patients;

import com.practicestudio.web.InvalidRequestException;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON bodies of patient writes: reading an input tree (a bad field named as a 400, never a 500)
 * and applying a JSON merge patch (RFC 7386).
 */
@Component
class PatientJson {

  private final JsonMapper json;

  PatientJson(JsonMapper json) {
    this.json = json;
  }

  PatientInput read(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw new InvalidRequestException("body", "must be a JSON object");
    }
    try {
      return json.treeToValue(body, PatientInput.class);
    } catch (JacksonException e) {
      throw new InvalidRequestException(pathOf(e), "has the wrong type or format");
    }
  }

  JsonNode tree(PatientInput input) {
    return json.valueToTree(input);
  }

  /** RFC 7386: objects merge member by member, null removes a member, anything else replaces. */
  static JsonNode mergePatch(JsonNode target, JsonNode patch) {
    if (patch == null || !patch.isObject()) {
      return patch;
    }
    ObjectNode result =
        target != null && target.isObject()
            ? ((ObjectNode) target).deepCopy()
            : tools.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    for (Map.Entry<String, JsonNode> member : patch.properties()) {
      if (member.getValue().isNull()) {
        result.remove(member.getKey());
      } else {
        result.set(member.getKey(), mergePatch(result.get(member.getKey()), member.getValue()));
      }
    }
    return result;
  }

  /** Whether the body sets this member to null explicitly (as opposed to leaving it out). */
  static boolean explicitNull(JsonNode body, String member) {
    return body != null && body.has(member) && body.get(member).isNull();
  }

  private static String pathOf(JacksonException e) {
    StringBuilder path = new StringBuilder();
    for (JacksonException.Reference ref : e.getPath()) {
      if (ref.getPropertyName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(ref.getPropertyName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.isEmpty() ? "body" : path.toString();
  }
}
