package com.practicestudio.hl7.inbound;

import com.practicestudio.journal.ExchangeFailure;
import com.practicestudio.web.FieldProblem;
import com.practicestudio.web.InvalidRequestException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Turns a records service's refusal (bad fields named as in the JSON) into a failure naming the HL7
 * fields they came from: {@code dateOfBirth must not be in the future} becomes {@code PID-7 must
 * not be in the future}. The services' messages never quote values, so neither does this.
 */
final class RefusedValues {

  static final Map<String, String> PATIENT =
      Map.ofEntries(
          Map.entry("lastName", "PID-5.1"),
          Map.entry("firstName", "PID-5.2"),
          Map.entry("middleName", "PID-5.3"),
          Map.entry("nameSuffix", "PID-5.4"),
          Map.entry("dateOfBirth", "PID-7"),
          Map.entry("gender", "PID-8"),
          Map.entry("race", "PID-10"),
          Map.entry("address", "PID-11"),
          Map.entry("address.line1", "PID-11.1"),
          Map.entry("address.city", "PID-11.3"),
          Map.entry("address.state", "PID-11.4"),
          Map.entry("address.postalCode", "PID-11.5"),
          Map.entry("address.country", "PID-11.6"),
          Map.entry("phoneHome", "PID-13"),
          Map.entry("phoneMobile", "PID-13"),
          Map.entry("email", "PID-13.4"),
          Map.entry("phoneWork", "PID-14"),
          Map.entry("preferredLanguage", "PID-15"),
          Map.entry("maritalStatus", "PID-16"),
          Map.entry("ssn", "PID-19"),
          Map.entry("ethnicity", "PID-22"),
          Map.entry("deceasedDate", "PID-29"),
          Map.entry("mrn", "PID-3"),
          Map.entry("identifiers", "PID-3"),
          Map.entry("coverages", "IN1"));

  private RefusedValues() {}

  /** HL7-107 with every refused field named through {@code fields} (longest prefix wins). */
  static ExchangeFailure failure(InvalidRequestException refused, Map<String, String> fields) {
    return failure(Hl7HandlerError.REFUSED_VALUE, refused, fields);
  }

  static ExchangeFailure failure(
      Hl7HandlerError error, InvalidRequestException refused, Map<String, String> fields) {
    List<String> texts = new ArrayList<>();
    for (FieldProblem p : refused.problems()) {
      String text = hl7Field(p.field(), fields) + " " + p.message();
      if (!texts.contains(text)) {
        texts.add(text);
      }
    }
    return error.failure(String.join("; ", texts));
  }

  static String hl7Field(String field, Map<String, String> fields) {
    return fields.entrySet().stream()
        .filter(
            e ->
                field.equals(e.getKey())
                    || field.startsWith(e.getKey() + ".")
                    || field.startsWith(e.getKey() + "["))
        .max(Comparator.comparingInt(e -> e.getKey().length()))
        .map(Map.Entry::getValue)
        .orElse(field);
  }
}
