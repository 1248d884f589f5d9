package com.practicestudio.hl7;

import com.practicestudio.web.InvalidRequestException;
import java.util.Arrays;
import java.util.List;

/** What the console's HL7 forms post, turned into API inputs. Blank fields are left out. */
final class ConsoleForms {

  private ConsoleForms() {}

  /** One form for both kinds; the fields of the other kind are ignored. */
  record InterfaceForm(
      String name,
      String kind,
      Boolean enabled,
      String bindAddress,
      String host,
      Integer port,
      String ackMode,
      String ackTiming,
      String charset,
      Integer maxFrameSize,
      Long receiveTimeoutMillis,
      Long readTimeoutMillis,
      Long idleTimeoutMillis,
      Long applyTimeoutMillis,
      Long replySenderId,
      String allowlist,
      Long connectTimeoutMillis,
      Long ackTimeoutMillis,
      Integer retryMaxAttempts,
      Long retryInitialBackoffMillis,
      Double retryMultiplier,
      Long retryMaxBackoffMillis,
      String messageTypes,
      Boolean tlsEnabled,
      String keystorePath,
      String keystorePassword,
      Boolean clearKeystorePassword,
      String clientAuth,
      Boolean verifyHostname,
      Integer version) {

    InterfaceInput input() {
      InterfaceInput.Tls tls =
          new InterfaceInput.Tls(
              Boolean.TRUE.equals(tlsEnabled),
              blank(keystorePath),
              Boolean.TRUE.equals(clearKeystorePassword) ? "" : blank(keystorePassword),
              blank(clientAuth),
              // an unticked checkbox posts nothing: the forms that show it also post the field
              // marker "_verifyHostname", which binds false; absent entirely keeps the API default
              verifyHostname == null || verifyHostname);
      boolean listener = "listener".equalsIgnoreCase(kind);
      return new InterfaceInput(
          blank(name),
          kind,
          Boolean.TRUE.equals(enabled),
          listener
              ? new InterfaceInput.Listener(
                  blank(bindAddress),
                  port,
                  tls,
                  list(allowlist),
                  blank(ackMode),
                  blank(ackTiming),
                  blank(charset),
                  maxFrameSize,
                  receiveTimeoutMillis,
                  readTimeoutMillis,
                  idleTimeoutMillis,
                  applyTimeoutMillis,
                  replySenderId)
              : null,
          listener
              ? null
              : new InterfaceInput.Sender(
                  blank(host),
                  port,
                  tls,
                  connectTimeoutMillis,
                  ackTimeoutMillis,
                  new InterfaceInput.Retry(
                      retryMaxAttempts,
                      retryInitialBackoffMillis,
                      retryMultiplier,
                      retryMaxBackoffMillis),
                  list(messageTypes)),
          version);
    }
  }

  /** A rule as the console posts it. */
  record RuleForm(
      String kind,
      Integer position,
      String action,
      Boolean enabled,
      String description,
      String messageType,
      String triggerEvent,
      String sendingFacility,
      String fieldPath,
      String fieldValue,
      String targetPath,
      String sourcePath,
      String value,
      Boolean hl7Null,
      Boolean emptyValue,
      String codeMapKind,
      String codeSystem,
      Integer version) {

    /** What the API takes as a {@code set} rule's explicit null: the two characters {@code ""}. */
    static final String HL7_NULL = "\"\"";

    RuleInput input() {
      boolean transform = "transform".equalsIgnoreCase(kind);
      return new RuleInput(
          kind,
          position,
          action,
          // the rule form posts the marker "_enabled", so an unticked box binds false
          enabled == null || enabled,
          blank(description),
          new RuleMatch(
              blank(messageType),
              blank(triggerEvent),
              blank(sendingFacility),
              blank(fieldPath),
              fieldValue == null || fieldValue.isEmpty() ? null : fieldValue),
          transform ? blank(targetPath) : null,
          transform ? blank(sourcePath) : null,
          transform ? valueForApi() : null,
          transform ? blank(codeMapKind) : null,
          transform ? blank(codeSystem) : null,
          version);
    }

    /**
     * The value box; or, for a {@code set} rule, the explicit null when "send as HL7 null" is
     * ticked (as when {@code ""} is typed) or the empty value when "set to empty" is ticked. An
     * empty box with neither ticked stays missing, so a forgotten value is refused rather than
     * saved empty.
     */
    private String valueForApi() {
      boolean typed = value != null && !value.isEmpty();
      boolean nulled = Boolean.TRUE.equals(hl7Null);
      boolean emptied = Boolean.TRUE.equals(emptyValue);
      if (!nulled && !emptied) {
        return typed ? value : null;
      }
      String box = nulled ? "hl7Null" : "emptyValue";
      if (!"set".equalsIgnoreCase(action == null ? "" : action.strip())) {
        throw new InvalidRequestException(box, "applies to set rules only");
      }
      if (nulled && emptied) {
        throw new InvalidRequestException(
            "emptyValue", "cannot be ticked with \"send as HL7 null\" (choose one)");
      }
      if (typed && !(nulled && value.equals(HL7_NULL))) {
        throw new InvalidRequestException(
            "value", "must be left empty when \"" + label(box) + "\" is ticked");
      }
      return nulled ? HL7_NULL : "";
    }

    private static String label(String box) {
      return box.equals("hl7Null") ? "send as HL7 null" : "set to empty";
    }

    /** The form of a saved rule, for the edit row. */
    static RuleForm of(Hl7Rule r) {
      RuleMatch m = r.match();
      boolean explicitNull = r.action() == RuleAction.SET && HL7_NULL.equals(r.value());
      // an empty value blanks the field; the form shows it as the box ticked, not as no value
      boolean empty = r.action() == RuleAction.SET && "".equals(r.value());
      return new RuleForm(
          r.kind().wire(),
          r.position(),
          r.action().wire(),
          r.enabled(),
          r.description(),
          m.messageType(),
          m.triggerEvent(),
          m.sendingFacility(),
          m.fieldPath(),
          m.fieldValue(),
          r.targetPath(),
          r.sourcePath(),
          explicitNull || empty ? null : r.value(),
          explicitNull,
          empty,
          r.codeMapKind(),
          r.codeSystem(),
          r.version());
    }
  }

  /**
   * A saved rule as an API input with another position or switch, every other value exactly as
   * saved (the rule form would turn a {@code set} rule's empty value into a missing one).
   */
  static RuleInput saved(Hl7Rule r, int position, boolean enabled) {
    return new RuleInput(
        r.kind().wire(),
        position,
        r.action().wire(),
        enabled,
        r.description(),
        r.match(),
        r.targetPath(),
        r.sourcePath(),
        r.value(),
        r.codeMapKind(),
        r.codeSystem(),
        r.version());
  }

  static String blank(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  static List<String> list(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    return Arrays.stream(text.split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
  }
}
