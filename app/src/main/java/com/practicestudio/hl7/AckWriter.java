package com.practicestudio.hl7;

import com.practicestudio.hl7v2.AckCode;
import com.practicestudio.hl7v2.Acks;
import com.practicestudio.hl7v2.ErrorCondition;
import com.practicestudio.hl7v2.Hl7Error;
import com.practicestudio.hl7v2.Hl7Message;
import com.practicestudio.hl7v2.Hl7ParseException;
import com.practicestudio.hl7v2.MessageBuilder;
import com.practicestudio.journal.ExchangeStatus;
import com.practicestudio.mllp.FrameFailure;
import java.nio.charset.Charset;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Builds every answer the listeners give, in one place: positive (AA/CA), refusals (AR/CR) and
 * errors (AE/CE), each negative one with an ERR segment whose text is a stable code and its meaning
 * — never message content. Answers use the received message's delimiters and charset (or the
 * interface's charset override).
 */
final class AckWriter {

  private final Clock clock;
  private final String idPrefix;
  private final AtomicLong ids = new AtomicLong();

  AckWriter(Clock clock) {
    this.clock = clock;
    this.idPrefix = Long.toString(clock.millis() / 1000, 36).toUpperCase() + "-";
  }

  /** AA (original) or CA (enhanced commit). */
  byte[] accepted(Inspection in, String charsetOverride) {
    return bytes(
        Acks.to(in.message())
            .code(in.enhanced() ? AckCode.CA : AckCode.AA)
            .controlId(nextId())
            .at(now())
            .build(),
        in.message(),
        charsetOverride);
  }

  /** AR (original) or CR (enhanced): malformed, or no filter rule takes it. */
  byte[] refused(Inspection in, String charsetOverride) {
    if (in.message() == null) {
      Hl7ParseException e = in.parseError();
      return negative(
          standIn(in.header()),
          in.enhanced() ? AckCode.CR : AckCode.AR,
          condition(e.error()),
          e.code() + " " + e.error().description(),
          null);
    }
    Hl7InterfaceError error = in.decision().refusal();
    ErrorCondition condition =
        error == Hl7InterfaceError.NOT_ACCEPTED
            ? ErrorCondition.UNSUPPORTED_MESSAGE_TYPE
            : ErrorCondition.APPLICATION_INTERNAL_ERROR;
    return negative(
        in.message(),
        in.enhanced() ? AckCode.CR : AckCode.AR,
        condition,
        error.describe() + " (" + in.messageType().replace('^', ' ') + ")",
        charsetOverride);
  }

  /** AE (original) or CE (enhanced): an error on our side or in applying; the sender may resend. */
  byte[] error(Inspection in, Hl7InterfaceError error, String detail, String charsetOverride) {
    String text = detail == null ? error.describe() : error.describe() + ": " + detail;
    if (in.message() == null) {
      return negative(
          standIn(in.header()),
          in.enhanced() ? AckCode.CE : AckCode.AE,
          ErrorCondition.APPLICATION_INTERNAL_ERROR,
          text,
          null);
    }
    return negative(
        in.message(),
        in.enhanced() ? AckCode.CE : AckCode.AE,
        ErrorCondition.APPLICATION_INTERNAL_ERROR,
        text,
        charsetOverride);
  }

  /**
   * The ACK-after-apply answer for the worker's outcome (original mode only: enhanced mode answers
   * at the commit): AA, or AE saying why — not applied within the wait, discarded, or the error.
   *
   * @param outcome null when the wait ran out
   */
  byte[] afterApply(Inspection in, OutcomeWatcher.RowOutcome outcome, String charsetOverride) {
    if (outcome == null) {
      return error(in, Hl7InterfaceError.NOT_APPLIED_IN_TIME, null, charsetOverride);
    }
    if (outcome.success()) {
      return accepted(in, charsetOverride);
    }
    if (outcome.status() == ExchangeStatus.DISCARDED) {
      return error(in, Hl7InterfaceError.DISCARDED, null, charsetOverride);
    }
    return error(
        in, Hl7InterfaceError.APPLY_FAILED, ApplicationAcks.describe(outcome), charsetOverride);
  }

  /**
   * An enhanced-mode application ACK to {@code received}: AA when {@code error} is null, otherwise
   * AE saying why (with {@code detail}, the row's error code and text, when there is one).
   */
  Hl7Message application(
      Hl7Message received, Hl7InterfaceError error, String detail, String controlId) {
    Acks.Builder ack =
        Acks.to(received)
            .code(error == null ? AckCode.AA : AckCode.AE)
            .controlId(controlId)
            .at(now());
    if (error != null) {
      String text = error.describe() + (detail == null ? "" : ": " + detail);
      ack.text(shorten(text))
          .error(ErrorCondition.APPLICATION_INTERNAL_ERROR, Acks.Severity.ERROR, text);
    }
    return ack.build();
  }

  /**
   * The answer for a frame the listener could not hand to the handler, or the handler could not
   * answer: AR/CR for a frame refused (too large, bad end block), AE/CE when storing it failed or
   * took too long. CR/CE when the frame asks for enhanced mode on an enhanced listener.
   */
  byte[] forFailure(FrameFailure failure, ListenerSettings settings) {
    return switch (failure.error()) {
      case FRAME_TOO_LARGE ->
          forFrame(failure.content(), true, Hl7InterfaceError.FRAME_TOO_LARGE, settings);
      case END_BLOCK_WITHOUT_CARRIAGE_RETURN ->
          forFrame(failure.content(), true, Hl7InterfaceError.FRAME_MALFORMED, settings);
      case HANDLER_TIMEOUT ->
          forFrame(failure.content(), false, Hl7InterfaceError.ANSWER_TIMEOUT, settings);
      default -> forFrame(failure.content(), false, Hl7InterfaceError.NOT_STORED, settings);
    };
  }

  /** A negative answer for a frame whose content may be cut short or unreadable. */
  private byte[] forFrame(
      byte[] content, boolean refused, Hl7InterfaceError error, ListenerSettings settings) {
    Hl7Message received;
    try {
      received = Hl7Text.parse(content, settings.charset());
    } catch (Hl7ParseException e) {
      RawHeader header = RawHeader.scan(content);
      return negative(
          standIn(header),
          code(refused, MessageInspector.enhanced(header, settings)),
          ErrorCondition.APPLICATION_INTERNAL_ERROR,
          error.describe(),
          null);
    }
    return negative(
        received,
        code(refused, MessageInspector.enhanced(received, settings)),
        ErrorCondition.APPLICATION_INTERNAL_ERROR,
        error.describe(),
        settings.charset());
  }

  private static AckCode code(boolean refused, boolean enhanced) {
    if (enhanced) {
      return refused ? AckCode.CR : AckCode.CE;
    }
    return refused ? AckCode.AR : AckCode.AE;
  }

  private byte[] negative(
      Hl7Message received,
      AckCode code,
      ErrorCondition condition,
      String text,
      String charsetOverride) {
    Hl7Message ack =
        Acks.to(received)
            .code(code)
            .controlId(nextId())
            .at(now())
            .text(shorten(text))
            .error(condition, Acks.Severity.ERROR, text)
            .build();
    return bytes(ack, received, charsetOverride);
  }

  /** A minimal MSH carrying the fields a refused message's header showed, to address the NAK. */
  private static Hl7Message standIn(RawHeader h) {
    MessageBuilder b = MessageBuilder.create();
    setIfAny(b, "MSH-3", h.sendingApplication());
    setIfAny(b, "MSH-4", h.sendingFacility());
    setIfAny(b, "MSH-5", h.receivingApplication());
    setIfAny(b, "MSH-6", h.receivingFacility());
    b.set("MSH-9.1", h.messageType().isEmpty() ? "ACK" : h.messageType());
    setIfAny(b, "MSH-9.2", h.trigger());
    setIfAny(b, "MSH-10", h.controlId());
    b.set("MSH-11", "P");
    b.set("MSH-12", h.version().matches("2\\.[0-9.]{1,6}") ? h.version() : "2.5.1");
    return b.build();
  }

  private static void setIfAny(MessageBuilder b, String path, String value) {
    if (value != null && !value.isEmpty()) {
      b.set(path, value);
    }
  }

  private static byte[] bytes(Hl7Message ack, Hl7Message received, String charsetOverride) {
    if (charsetOverride == null) {
      return ack.toBytes();
    }
    Charset charset = Hl7Text.answerCharset(received, charsetOverride);
    return ack.encode().getBytes(charset);
  }

  /** ERR-3 for a parse failure (HL7 table 0357). */
  static ErrorCondition condition(Hl7Error error) {
    return switch (error) {
      case MISSING_MESSAGE_TYPE -> ErrorCondition.REQUIRED_FIELD_MISSING;
      case NO_ENCODING_CHARACTERS,
          INVALID_ENCODING_CHARACTERS,
          INVALID_DELIMITER,
          UNDECODABLE_TEXT,
          INVALID_TIMESTAMP,
          INVALID_NUMBER ->
          ErrorCondition.DATA_TYPE_ERROR;
      default -> ErrorCondition.SEGMENT_SEQUENCE_ERROR;
    };
  }

  /** MSA-3 is short in older versions (80 characters). */
  private static String shorten(String text) {
    return text.length() <= 80 ? text : text.substring(0, 77) + "...";
  }

  String nextId() {
    return idPrefix + Long.toString(ids.incrementAndGet(), 36).toUpperCase();
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }
}
