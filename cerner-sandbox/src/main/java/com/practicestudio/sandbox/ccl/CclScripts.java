package com.practicestudio.sandbox.ccl;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The named scripts the sandbox can run: CCL programs ({@code drop program ... go / create program
 * ... end go}) kept as resources beside this class and parsed at start, each holding one SELECT.
 */
final class CclScripts {

  /** The programs shipped with the sandbox. */
  static final List<String> BUNDLED =
      List.of(
          "ps_patient_by_mrn", "ps_appointments_by_date", "ps_encounters_by_fin", "ps_code_values");

  private final Map<String, CclScript.Program> programs = new TreeMap<>();

  CclScripts() {
    for (String name : BUNDLED) {
      String text = resource("scripts/" + name + ".prg");
      try {
        for (CclScript.Program program : CclParser.parse(text).programs()) {
          if (program.body().size() != 1) {
            throw new IllegalStateException(name + ": a script holds exactly one SELECT");
          }
          programs.put(program.name(), program);
        }
      } catch (CclException e) {
        throw new IllegalStateException("bundled CCL script " + name + ": " + e.getMessage(), e);
      }
    }
  }

  Optional<CclScript.Program> find(String name) {
    return Optional.ofNullable(programs.get(name.toLowerCase(java.util.Locale.ROOT)));
  }

  List<String> names() {
    return List.copyOf(programs.keySet());
  }

  /** The source text of a bundled script. */
  static String resource(String path) {
    try (InputStream in = CclScripts.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
