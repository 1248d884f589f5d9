package com.practicestudio.sandbox.hl7;

import java.time.ZoneId;

/**
 * MSH and EVN as Cerner's Open Engine writes them for v2.3: empty MSH-2 components beyond the
 * encoding characters, MSH-9 without a structure (v2.3), a {@code Q…T…} control id, MSH-12 {@code
 * 2.3} and MSH-18 {@code 8859/1} (the bytes are ISO-8859-1).
 */
final class HeaderMapper {

  static final String VERSION = "2.3";
  static final String CHARSET = "8859/1";

  private final Domain domain;

  HeaderMapper(Domain domain) {
    this.domain = domain;
  }

  /** Writes MSH with a new control id, stamped now in {@code zone}. */
  void msh(MessageWriter message, MessageKind kind, ZoneId zone) {
    Hl7Profile profile = domain.profile();
    message
        .msh()
        .set("3", profile.sendingApplication())
        .set("4", profile.sendingFacility())
        .set("5", profile.receivingApplication())
        .set("6", profile.receivingFacility())
        .set("7", CernerFormats.time(domain.now(), zone))
        .set("9.1", kind.code())
        .set("9.2", kind.trigger())
        .set("10", domain.controlIds().next())
        .set("11", profile.processingId())
        .set("12", VERSION)
        .set("18", CHARSET);
  }

  /** EVN-1 (v2.3 event type), EVN-2 recorded now, EVN-5 the interface's system user. */
  void evn(MessageWriter message, MessageKind kind, ZoneId zone) {
    message
        .add("EVN")
        .set("1", kind.trigger())
        .set("2", CernerFormats.time(domain.now(), zone))
        .set("5.1", "1")
        .set("5.2", "SYSTEM")
        .set("5.3", "SYSTEM");
  }
}
