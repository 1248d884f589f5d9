package com.practicestudio.hl7v2;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * Builds the acknowledgment for a received message: an original-mode ACK (AA/AE/AR) or an
 * enhanced-mode commit ACK (CA/CE/CR).
 *
 * <pre>{@code
 * Hl7Message ack = Acks.to(received)
 *     .code(AckCode.AE)
 *     .controlId(ourControlId)
 *     .at(OffsetDateTime.now(clock))
 *     .text("Patient not found")                       // MSA-3, optional
 *     .error(ErrorCondition.UNKNOWN_KEY_IDENTIFIER, Severity.ERROR, "Patient not found")
 *     .build();
 * }</pre>
 *
 * <p>The ACK copies only routing fields from the received MSH (MSH-3..6 swapped, MSH-11, MSH-12,
 * MSH-18 and the control id into MSA-2), never patient data; MSA-3 and ERR-8 hold only the text the
 * caller gives, so callers must not put PHI there. It uses the received message's delimiters and
 * charset. An error code (AE/AR/CE/CR) always gets an ERR segment ({@code 207 Application internal
 * error} unless {@link Builder#error} says otherwise) with ERR-3 (table 0357), ERR-4 (severity) and
 * ERR-8; for versions before 2.5 the condition is also written to ERR-1 in the older ELD form.
 */
public final class Acks {

  /** ERR-4 severity (HL7 table 0516). */
  public enum Severity {
    ERROR("E"),
    WARNING("W"),
    INFORMATION("I"),
    FATAL("F");

    private final String code;

    Severity(String code) {
      this.code = code;
    }

    public String code() {
      return code;
    }
  }

  private Acks() {}

  /** Starts the acknowledgment of {@code received}. */
  public static Builder to(Hl7Message received) {
    return new Builder(Objects.requireNonNull(received));
  }

  /**
   * Collects what the ACK needs; {@link #build()} checks that code, control id and time are set.
   */
  public static final class Builder {
    private final Hl7Message received;
    private AckCode code;
    private String controlId;
    private OffsetDateTime time;
    private String text;
    private ErrorCondition condition;
    private Severity severity;
    private String userMessage;

    private Builder(Hl7Message received) {
      this.received = received;
    }

    public Builder code(AckCode code) {
      this.code = code;
      return this;
    }

    /** MSH-10 of the ACK: our own control id. */
    public Builder controlId(String controlId) {
      this.controlId = controlId;
      return this;
    }

    /** MSH-7 of the ACK; take it from the injected {@code Clock}. */
    public Builder at(OffsetDateTime time) {
      this.time = time;
      return this;
    }

    /** MSA-3 text message; no PHI. */
    public Builder text(String text) {
      this.text = text;
      return this;
    }

    /** The ERR segment: condition (ERR-3), severity (ERR-4) and user message (ERR-8, no PHI). */
    public Builder error(ErrorCondition condition, Severity severity, String userMessage) {
      this.condition = Objects.requireNonNull(condition);
      this.severity = Objects.requireNonNull(severity);
      this.userMessage = userMessage;
      return this;
    }

    public Hl7Message build() {
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(controlId, "controlId");
      Objects.requireNonNull(time, "time");
      MessageBuilder ack = MessageBuilder.create(received.delimiters());
      header(ack);
      ack.set("MSA-1", code.name());
      ack.setRaw("MSA-2", received.raw("MSH-10"));
      if (text != null) {
        ack.set("MSA-3", text);
      }
      if (condition == null && code.isError()) {
        condition = ErrorCondition.APPLICATION_INTERNAL_ERROR;
        severity = Severity.ERROR;
      }
      if (condition != null) {
        errorSegment(ack);
      }
      return withCharset(ack);
    }

    private void header(MessageBuilder ack) {
      copy(ack, "MSH-5", "MSH-3");
      copy(ack, "MSH-6", "MSH-4");
      copy(ack, "MSH-3", "MSH-5");
      copy(ack, "MSH-4", "MSH-6");
      ack.set("MSH-7", Hl7Timestamps.format(time));
      ack.set("MSH-9.1", "ACK");
      String trigger = received.triggerEvent();
      if (!trigger.isEmpty()) {
        ack.set("MSH-9.2", trigger);
        if (versionAtLeast(2, 3, 1)) {
          ack.set("MSH-9.3", "ACK");
        }
      }
      ack.set("MSH-10", controlId);
      copy(ack, "MSH-11", "MSH-11");
      copy(ack, "MSH-12", "MSH-12");
      copy(ack, "MSH-18", "MSH-18");
    }

    private void errorSegment(MessageBuilder ack) {
      if (!versionAtLeast(2, 5, 0) && received.delimiters().hasSubcomponent()) {
        ack.set("ERR-1.4.1", condition.code());
        ack.set("ERR-1.4.2", condition.text());
        ack.set("ERR-1.4.3", "HL70357");
      }
      ack.set("ERR-3.1", condition.code());
      ack.set("ERR-3.2", condition.text());
      ack.set("ERR-3.3", "HL70357");
      ack.set("ERR-4", severity.code());
      if (userMessage != null) {
        ack.set("ERR-8", userMessage);
      }
    }

    private void copy(MessageBuilder ack, String from, String to) {
      String raw = received.raw(from);
      if (!raw.isEmpty()) {
        ack.setRaw(to, raw);
      }
    }

    /**
     * The received message's charset, but never its byte-order mark: HAPI and many interface
     * engines refuse anything before "MSH", and a BOM in a message is an accident of the file it
     * was saved in, not something its sender needs back.
     */
    private Hl7Message withCharset(MessageBuilder ack) {
      Hl7Charset source = received.charset();
      Hl7Charset charset =
          new Hl7Charset(source.charset(), false, source.declared(), Hl7Charset.Source.TEXT);
      return new Hl7Message(
          MessageScanner.scan(ack.encode(), MessageScanner.Kind.MESSAGE), charset);
    }

    private boolean versionAtLeast(int major, int minor, int patch) {
      String[] parts = received.version().trim().split("\\.");
      int[] wanted = {major, minor, patch};
      for (int i = 0; i < wanted.length; i++) {
        int have = i < parts.length ? leadingNumber(parts[i]) : 0;
        if (have != wanted[i]) {
          return have > wanted[i];
        }
      }
      return true;
    }

    private static int leadingNumber(String text) {
      int value = 0;
      for (int i = 0; i < text.length() && i < 4 && isDigit(text.charAt(i)); i++) {
        value = value * 10 + text.charAt(i) - '0';
      }
      return value;
    }

    private static boolean isDigit(char c) {
      return c >= '0' && c <= '9';
    }
  }
}
