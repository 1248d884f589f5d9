package com.practicestudio.sandbox.ccl;

import com.practicestudio.sandbox.data.SandboxData;
import java.time.Clock;
import java.util.List;

/**
 * Runs CCL against the sandbox's Millennium tables: a named script or a {@code SELECT ... GO} text,
 * with {@code $} parameters bound as values. Every outcome is a {@link CclReply}: {@code S} with
 * rows, {@code Z} with none, {@code F} with the reason (and line and column for a problem in the
 * text). Tables are read from the seeded domain as it is at the moment of the run.
 */
public final class CclService {

  private final SandboxData data;
  private final Clock clock;
  private final CclScripts scripts = new CclScripts();

  public CclService(SandboxData data, Clock clock) {
    this.data = data;
    this.clock = clock;
  }

  /** The names of the scripts that can be run by name. */
  public List<String> scripts() {
    return scripts.names();
  }

  public CclReply run(CclRequest request) {
    String target = request.script() != null ? request.script() : "CCL";
    try {
      Select select = selectOf(request);
      RunContext run = new RunContext(data, clock, request.parameters());
      return CclReply.success(target, QueryExecutor.run(QueryCompiler.compile(select, run)));
    } catch (CclException e) {
      return CclReply.failure(target, e);
    }
  }

  private Select selectOf(CclRequest request) throws CclException {
    boolean byName = request.script() != null && !request.script().isBlank();
    boolean byText = request.text() != null && !request.text().isBlank();
    if (byName == byText) {
      throw new CclException(
          CclException.Kind.SCRIPT, null, "give either a script name or CCL text, not both");
    }
    if (byName) {
      return scripts
          .find(request.script())
          .orElseThrow(
              () ->
                  new CclException(
                      CclException.Kind.SCRIPT,
                      null,
                      "no script named " + request.script() + " (scripts: " + scripts() + ")"))
          .body()
          .get(0);
    }
    CclScript script = CclParser.parse(request.text());
    if (!script.programs().isEmpty()) {
      throw new CclException(
          CclException.Kind.SCRIPT,
          script.programs().get(0).pos(),
          "programs sent in a request are not stored; send SELECT ... GO or run a script by name");
    }
    if (script.selects().isEmpty()) {
      throw new CclException(CclException.Kind.SCRIPT, null, "the text runs no SELECT");
    }
    if (script.selects().size() > 1) {
      throw new CclException(
          CclException.Kind.SCRIPT, script.selects().get(1).pos(), "one SELECT per request");
    }
    return script.selects().get(0);
  }
}
