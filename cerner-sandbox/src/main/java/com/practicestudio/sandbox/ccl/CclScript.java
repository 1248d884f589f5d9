package com.practicestudio.sandbox.ccl;

import java.util.List;

/**
 * A parsed CCL text: the SELECT commands run at top level ({@code SELECT ... GO}) and the programs
 * it defines ({@code CREATE PROGRAM name ... END GO}); {@code DROP PROGRAM name GO} is accepted and
 * has no effect.
 */
record CclScript(List<Select> selects, List<Program> programs) {

  CclScript {
    selects = List.copyOf(selects);
    programs = List.copyOf(programs);
  }

  /** A program: its name (lower case, without {@code :dba}) and the SELECTs of its body. */
  record Program(String name, List<Select> body, Pos pos) {
    Program {
      body = List.copyOf(body);
    }
  }
}
