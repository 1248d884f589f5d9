package com.practicestudio.codemaps;

import com.practicestudio.directory.LocationService;
import com.practicestudio.directory.ProviderService;
import com.practicestudio.web.FieldProblem;
import com.practicestudio.web.InvalidRequestException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Checks a mapping: known kind, required parts, values the kind allows. */
final class CodeMapValidator {

  private static final int MAX = 200;

  private final LocationService locations;
  private final ProviderService providers;

  CodeMapValidator(LocationService locations, ProviderService providers) {
    this.locations = locations;
    this.providers = providers;
  }

  CodeMapRepository.Row validateOrThrow(CodeMapInput in) {
    List<FieldProblem> problems = new ArrayList<>();
    CodeMapRepository.Row row = validate(in, problems);
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    return row;
  }

  /** The row, or null with the problems added. */
  CodeMapRepository.Row validate(CodeMapInput in, List<FieldProblem> problems) {
    Optional<CodeMapKind> kind = CodeMapKind.fromWire(in.kind());
    if (kind.isEmpty()) {
      problems.add(new FieldProblem("kind", "must be one of " + CodeMapKind.names()));
    }
    String system = CodeSystems.normalise(in.codeSystem());
    String code = CodeMaps.clean(in.code());
    String value = CodeMaps.clean(in.value());
    String scope = CodeMaps.clean(in.scope());
    required("codeSystem", system, problems);
    required("code", code, problems);
    required("value", value, problems);
    length("scope", scope, problems);
    length("display", CodeMaps.clean(in.display()), problems);
    if (kind.isPresent() && value != null) {
      value = checkValue(kind.get(), value, problems);
    }
    if (!problems.isEmpty()) {
      return null;
    }
    return new CodeMapRepository.Row(
        kind.get(),
        scope,
        system,
        code,
        value,
        CodeMaps.clean(in.display()),
        Boolean.TRUE.equals(in.preferred()));
  }

  private String checkValue(CodeMapKind kind, String value, List<FieldProblem> problems) {
    Optional<java.util.Set<String>> allowed = kind.allowedValues();
    if (allowed.isPresent()) {
      String upper = value.toUpperCase(Locale.ROOT);
      if (!allowed.get().contains(upper)) {
        problems.add(
            new FieldProblem(
                "value",
                "must be one of " + String.join(", ", allowed.get().stream().sorted().toList())));
      }
      return upper;
    }
    if (kind == CodeMapKind.LOCATION || kind == CodeMapKind.PROVIDER) {
      boolean known;
      try {
        long id = Long.parseLong(value);
        known = kind == CodeMapKind.LOCATION ? locations.exists(id) : providers.exists(id);
      } catch (NumberFormatException e) {
        known = false;
      }
      if (!known) {
        problems.add(
            new FieldProblem("value", "must be the id of a Practice Studio " + kind.wire()));
      }
    }
    return value;
  }

  private static void required(String field, String value, List<FieldProblem> problems) {
    if (value == null) {
      problems.add(new FieldProblem(field, "is required"));
    } else {
      length(field, value, problems);
    }
  }

  private static void length(String field, String value, List<FieldProblem> problems) {
    if (value != null && value.length() > MAX) {
      problems.add(new FieldProblem(field, "must be at most " + MAX + " characters"));
    }
  }
}
