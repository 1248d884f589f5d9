package com.practicestudio.hl7.inbound;

import com.practicestudio.codemaps.CodeMapKind;
import com.practicestudio.hl7.inbound.Fields.Coded;
import java.util.Optional;

/**
 * Practice Studio's value for a code a message sends, from the code maps of the interface the
 * message came in on (else the default maps). A null code system matches any system of the kind.
 */
@FunctionalInterface
interface CodeTranslator {

  /** The code system of assigning authorities in the code maps: HL7 table 0363. */
  String AUTHORITY_TABLE = "HL70363";

  Optional<String> translate(CodeMapKind kind, String codeSystem, String code);

  /**
   * An identifier's assigning authority (CX-4) as Practice Studio keeps it: mapped, else as sent.
   */
  default String authority(String sent) {
    return sent == null
        ? null
        : translate(CodeMapKind.ASSIGNING_AUTHORITY, AUTHORITY_TABLE, sent).orElse(sent);
  }

  /** The same identifier with its assigning authority as Practice Studio keeps it. */
  default Fields.Cx identifier(Fields.Cx sent) {
    return sent == null
        ? null
        : new Fields.Cx(sent.value(), authority(sent.authority()), sent.type());
  }

  /**
   * A coded element's Practice Studio value, trying in turn: the code in the system the message
   * names, the code in the field's HL7 table, the code in any system (this is how raw Cerner {@code
   * CD:nnn} values match), and finally the display text in any system. Empty when nothing maps.
   *
   * @param table the field's HL7 table (e.g. {@code HL70001}), for codes sent without a system
   */
  default Optional<String> lookup(CodeMapKind kind, String table, Coded coded) {
    if (coded == null) {
      return Optional.empty();
    }
    if (coded.code() != null) {
      if (coded.system() != null) {
        Optional<String> hit = translate(kind, coded.system(), coded.code());
        if (hit.isPresent()) {
          return hit;
        }
      }
      if (table != null) {
        Optional<String> hit = translate(kind, table, coded.code());
        if (hit.isPresent()) {
          return hit;
        }
      }
      Optional<String> hit = translate(kind, null, coded.code());
      if (hit.isPresent()) {
        return hit;
      }
    }
    return coded.text() == null ? Optional.empty() : translate(kind, null, coded.text());
  }
}
