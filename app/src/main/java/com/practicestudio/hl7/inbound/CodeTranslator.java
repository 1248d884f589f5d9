package com.practicestudio.hl7.inbound;

import com.practicestudio.codemaps.CodeMapKind;
import com.practicestudio.hl7.inbound.Fields.Coded;
import java.util.Collections;
import java.util.List;
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

  /** Told when {@link #lookup} found nothing for a code, so that the miss is reported. */
  default void unmapped(CodeMapKind kind, String codeSystem, String code) {}

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
   * CD:nnn} values match), and finally the display text in any system. Empty when nothing maps;
   * then a code (not a text, which may be free text) is reported as {@link #unmapped}.
   *
   * @param table the field's HL7 table (e.g. {@code HL70001}), for codes sent without a system
   */
  default Optional<String> lookup(CodeMapKind kind, String table, Coded coded) {
    return lookupFirst(kind, table, Collections.singletonList(coded));
  }

  /**
   * The value of the first of several fields that maps, each read as {@link #lookup} reads one.
   * When none maps, only the first that has a code is reported as {@link #unmapped}: the fields are
   * alternatives, and one mapping is all the message needs.
   *
   * @param candidates coded elements in order of preference; nulls (fields not sent) are skipped
   */
  default Optional<String> lookupFirst(CodeMapKind kind, String table, List<Coded> candidates) {
    for (Coded coded : candidates) {
      Optional<String> hit = find(kind, table, coded);
      if (hit.isPresent()) {
        return hit;
      }
    }
    candidates.stream()
        .filter(c -> c != null && c.code() != null)
        .findFirst()
        .ifPresent(c -> unmapped(kind, c.system() != null ? c.system() : table, c.code()));
    return Optional.empty();
  }

  private Optional<String> find(CodeMapKind kind, String table, Coded coded) {
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
