package com.practicestudio.hl7;

import com.practicestudio.hl7v2.Hl7Message;
import com.practicestudio.hl7v2.Hl7ParseException;
import com.practicestudio.journal.Exchange;
import com.practicestudio.journal.ExchangeFailure;
import com.practicestudio.journal.Payload;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What inbound HL7 handlers call first: {@link #prepare} turns a journal row's payload into the
 * message to apply — parsed with the interface's charset override, checked against its filter rules
 * and changed by its transformation rules (the journal keeps the message as received). See the
 * package documentation.
 */
public final class Hl7InboundPipeline {

  private final Supplier<Hl7Config> config;
  private final RuleEngine.CodeTranslator codes;

  Hl7InboundPipeline(Supplier<Hl7Config> config, RuleEngine.CodeTranslator codes) {
    this.config = config;
    this.codes = codes;
  }

  /**
   * The message to apply.
   *
   * @throws ExchangeFailure permanent: the payload is not HL7 v2 (the parser's {@code HL7-0xx}
   *     code), no filter rule accepts it ({@code HL7-050}) or one rejects it ({@code HL7-051}), or
   *     a transformation rule cannot be applied ({@code HL7-059}) or lacks a field it needs ({@code
   *     HL7-068}, naming the rule). Let it propagate: the journal records the row FAILED with the
   *     code.
   */
  public Hl7Message prepare(Exchange exchange, Payload payload) {
    Hl7Config current = config.get();
    Optional<Hl7Interface> itf = current.byName(exchange.endpoint());
    String charset =
        itf.map(i -> i.listener() == null ? null : i.listener().charset()).orElse(null);
    Hl7Message message = parse(payload.bytes(), charset);
    if (itf.isEmpty() || itf.get().kind() != InterfaceKind.LISTENER) {
      return message; // the interface was deleted: no rules to apply
    }
    RuleEngine.Decision decision = RuleEngine.decide(current.filters(itf.get().id()), message);
    if (!decision.taken()) {
      Hl7InterfaceError error = decision.refusal();
      throw ExchangeFailure.permanent(error.code(), error.text());
    }
    try {
      return RuleEngine.transform(
              current.transforms(itf.get().id()), message, codes, itf.get().name())
          .message();
    } catch (RuleEngine.IncompleteRuleException e) {
      throw ExchangeFailure.permanent(Hl7InterfaceError.RULE_INCOMPLETE.code(), e.getMessage());
    } catch (Hl7ParseException | IllegalArgumentException e) {
      throw ExchangeFailure.permanent(
          Hl7InterfaceError.TRANSFORM_FAILED.code(),
          Hl7InterfaceError.TRANSFORM_FAILED.text()
              + (e instanceof Hl7ParseException p ? " (" + p.code() + ")" : ""));
    }
  }

  /**
   * The listener the row came in on ({@code exchange.endpoint()}), when it still exists. Its name
   * is also the scope to translate codes with: {@code codeMaps.translate(kind, exchange.endpoint(),
   * system, code)}.
   */
  public Optional<Hl7Interface> interfaceOf(Exchange exchange) {
    return config.get().byName(exchange.endpoint());
  }

  static Hl7Message parse(byte[] bytes, String charset) {
    try {
      return Hl7Text.parse(bytes, charset);
    } catch (Hl7ParseException e) {
      throw ExchangeFailure.permanent(e.code(), e.error().description());
    }
  }
}
