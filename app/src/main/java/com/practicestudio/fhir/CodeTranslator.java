package com.practicestudio.fhir;

import com.practicestudio.codemaps.CodeMapKind;
import com.practicestudio.codemaps.CodeMaps;
import java.util.Optional;
import org.hl7.fhir.r4.model.Identifier;

/**
 * The code maps as the FHIR mappers see them: Cerner code → Practice Studio value and back. The
 * seam that keeps the mappers free of I/O; {@link #of(CodeMaps, String)} is the real one.
 */
public interface CodeTranslator {

  /** The Practice Studio value of a code of {@code system}; empty when unmapped. */
  Optional<String> toLocal(CodeMapKind kind, String system, String code);

  /**
   * Told when a coded value found no mapping after every try, so that the miss is reported (see
   * {@code CodeMaps.unmapped}).
   */
  default void unmapped(CodeMapKind kind, String system, String code) {}

  /** The code in {@code system} for a Practice Studio value; empty when unmapped. */
  Optional<String> toCerner(CodeMapKind kind, String system, String value);

  /**
   * An identifier's pool: the assigner's name, else the system; as the code maps name the pool when
   * they do, so that an MRN or FIN from FHIR and the same one from HL7 (whose CX-4 names the pool
   * otherwise) are one.
   */
  default String assigningAuthority(Identifier identifier) {
    if (identifier.getAssigner().hasDisplay()) {
      String name = identifier.getAssigner().getDisplay();
      return toLocal(CodeMapKind.ASSIGNING_AUTHORITY, null, name).orElse(name);
    }
    String system = identifier.getSystem();
    return system == null
        ? null
        : toLocal(CodeMapKind.ASSIGNING_AUTHORITY, FhirSystems.URI, system).orElse(system);
  }

  /**
   * The code maps of one Cerner domain.
   *
   * @param scope the domain's code-map scope; null for the default maps only
   */
  static CodeTranslator of(CodeMaps maps, String scope) {
    return new CodeTranslator() {
      @Override
      public Optional<String> toLocal(CodeMapKind kind, String system, String code) {
        return maps.translate(kind, scope, system, code);
      }

      @Override
      public void unmapped(CodeMapKind kind, String system, String code) {
        maps.unmapped(kind, scope, system, code, null); // a FHIR read has no journal row here
      }

      @Override
      public Optional<String> toCerner(CodeMapKind kind, String system, String value) {
        return maps.reverse(kind, scope, system, value).map(m -> m.code());
      }
    };
  }
}
