package com.practicestudio.hl7;

import com.practicestudio.journal.ExchangeStatus;
import java.util.Optional;

/**
 * When enhanced mode's application ACK is due, as MSH-16 asks, and what is still owed after it. A
 * message's row owes a marker ({@link Marker}) from receipt until this rule says nothing more is
 * owed:
 *
 * <ul>
 *   <li>APPLIED or IGNORED: AA for AL and SU; nothing for ER. Done.
 *   <li>FAILED: AE at once for AL and ER — the error queue may hold the row until an operator acts,
 *       next day, and the sender should know now. AL then still waits for a success (as SU does,
 *       which sends nothing on a failure): a reprocess that applies the row sends AA, so the
 *       sender's interface engine can close the error it opened on our AE. ER is done: it asked
 *       only for errors. A row that fails again after a reprocess sends no second AE.
 *   <li>DISCARDED (an operator gave up on it): AE for AL and ER when no AE was sent yet — the
 *       message will never be processed, which is an application error to the sender. Done.
 * </ul>
 *
 * So a message gets at most one AE and at most one AA, each referring to its control id (MSA-2).
 */
final class ApplicationAckRule {

  private ApplicationAckRule() {}

  /** MSH-16 modes that ask for an application ACK on some outcome. */
  enum Mode {
    /** Always: AE on failure, AA on success. */
    AL,
    /** Only on error. */
    ER,
    /** Only on success — also what an AL row still waits for after its AE was sent. */
    SU;

    static Optional<Mode> of(String msh16) {
      if (msh16 == null) {
        return Optional.empty();
      }
      return switch (msh16) {
        case "AL" -> Optional.of(AL);
        case "ER" -> Optional.of(ER);
        case "SU" -> Optional.of(SU);
        default -> Optional.empty(); // NE or empty: never
      };
    }
  }

  /** What a row owes, as stored in the journal's follow-up marker: the mode and where to send. */
  record Marker(Mode mode, long replySenderId) {

    static final String PREFIX = "hl7-application-ack:";

    String encode() {
      return PREFIX + mode + ":" + replySenderId;
    }

    /** Empty for a marker this rule did not write. */
    static Optional<Marker> parse(String stored) {
      if (stored == null || !stored.startsWith(PREFIX)) {
        return Optional.empty();
      }
      String[] parts = stored.substring(PREFIX.length()).split(":", -1);
      if (parts.length != 2 || !parts[1].matches("[0-9]{1,18}")) {
        return Optional.empty();
      }
      return Mode.of(parts[0]).map(m -> new Marker(m, Long.parseLong(parts[1])));
    }

    Marker withMode(Mode next) {
      return new Marker(next, replySenderId);
    }
  }

  /** The ACK to send now, if any. */
  enum Ack {
    NONE,
    AA,
    AE
  }

  /**
   * @param ack what to send for this outcome
   * @param next what the row still owes afterwards; null when nothing
   */
  record Step(Ack ack, Marker next) {}

  /** The step for a row holding {@code marker} that has just reached {@code status}. */
  static Step step(Marker marker, ExchangeStatus status) {
    Mode mode = marker.mode();
    return switch (status) {
      case APPLIED, IGNORED -> new Step(mode == Mode.ER ? Ack.NONE : Ack.AA, null);
      case FAILED ->
          switch (mode) {
            case AL -> new Step(Ack.AE, marker.withMode(Mode.SU));
            case ER -> new Step(Ack.AE, null);
            case SU -> new Step(Ack.NONE, marker);
          };
      case DISCARDED -> new Step(mode == Mode.SU ? Ack.NONE : Ack.AE, null);
      default -> throw new IllegalArgumentException("not an outcome: " + status);
    };
  }
}
