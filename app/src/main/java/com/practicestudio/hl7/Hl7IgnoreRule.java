package com.practicestudio.hl7;

import com.practicestudio.hl7v2.Hl7Message;
import com.practicestudio.hl7v2.Hl7ParseException;
import com.practicestudio.journal.Channel;
import com.practicestudio.journal.Direction;
import com.practicestudio.journal.Exchange;
import com.practicestudio.journal.IgnoreRule;
import com.practicestudio.security.crypto.CryptoException;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The journal's {@link IgnoreRule} for HL7: an inbound row whose listener's filter rules say {@code
 * ignore} is recorded IGNORED (it was acknowledged AA) and no handler runs. Rules are evaluated
 * when the row is applied, with the rules of that moment; the payload is read only when the
 * listener has an ignore rule at all.
 */
final class Hl7IgnoreRule implements IgnoreRule {

  private final Supplier<Hl7Config> config;
  private final StoredPayloads payloads;

  Hl7IgnoreRule(Supplier<Hl7Config> config, StoredPayloads payloads) {
    this.config = config;
    this.payloads = payloads;
  }

  @Override
  public Optional<String> ignoreReason(Exchange e) {
    if (e.channel() != Channel.HL7
        || e.direction() != Direction.INBOUND
        || Inspection.MALFORMED.equals(e.messageType())) {
      return Optional.empty();
    }
    Hl7Config current = config.get();
    Optional<Hl7Interface> itf = current.byName(e.endpoint());
    if (itf.isEmpty() || itf.get().kind() != InterfaceKind.LISTENER) {
      return Optional.empty();
    }
    List<Hl7Rule> filters = current.filters(itf.get().id());
    if (filters.stream().noneMatch(r -> r.enabled() && r.action() == RuleAction.IGNORE)) {
      return Optional.empty();
    }
    Hl7Message message;
    try {
      Optional<byte[]> bytes = payloads.read(e.id());
      if (bytes.isEmpty()) {
        return Optional.empty();
      }
      message = Hl7Text.parse(bytes.get(), itf.get().listener().charset());
    } catch (Hl7ParseException | CryptoException ex) {
      return Optional.empty(); // the handler reports it
    }
    RuleEngine.Decision decision = RuleEngine.decide(filters, message);
    if (decision.verdict() == RuleEngine.Verdict.IGNORE) {
      String text = decision.rule().description();
      return Optional.of(
          "ignored by " + decision.rule().label() + (text == null ? "" : ": " + text));
    }
    return Optional.empty();
  }
}
