package com.practicestudio.sandbox.ccl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads the JSON form of a CCL request, shared by the HTTP service and the SSH command. */
final class CclRequests {

  private CclRequests() {}

  /**
   * {@code {"script": name | "text": ccl, "parameters": {"$name": value, ...}}}; values are
   * strings, numbers or null.
   *
   * @throws IllegalArgumentException naming the field at fault
   */
  static CclRequest fromJson(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw new IllegalArgumentException("the body must be a JSON object");
    }
    String script = text(body, "script");
    String text = text(body, "text");
    JsonNode parameters = body.path("parameters");
    if (!parameters.isMissingNode() && !parameters.isObject() && !parameters.isNull()) {
      throw new IllegalArgumentException("parameters must be an object");
    }
    Map<String, Object> values = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = parameters.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      values.put(field.getKey(), value(field.getKey(), field.getValue()));
    }
    return new CclRequest(script, text, values);
  }

  private static String text(JsonNode body, String field) {
    JsonNode node = body.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isTextual()) {
      throw new IllegalArgumentException(field + " must be a string");
    }
    return node.asText();
  }

  private static Object value(String name, JsonNode node) {
    if (node.isNull()) {
      return null;
    }
    if (node.isTextual()) {
      return node.asText();
    }
    if (node.isNumber()) {
      return node.doubleValue();
    }
    throw new IllegalArgumentException(
        "parameters." + name + " must be a string, a number or null");
  }
}
