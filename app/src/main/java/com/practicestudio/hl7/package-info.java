/**
 * The HL7 v2 interface: MLLP listeners and senders configured in the database, durable ingest with
 * acknowledgments after commit, filter and transformation rules, outbound SIU and application ACK
 * delivery. The inbound message handlers (ADT, SIU, ORU, DFT, MDM → records) live in {@code
 * com.practicestudio.hl7.inbound}.
 *
 * <h2>For inbound handlers: {@link com.practicestudio.hl7.Hl7InboundPipeline}</h2>
 *
 * <pre>{@code
 * @Handles("HL7 INBOUND ADT^*")
 * class AdtHandler implements ExchangeHandler {
 *   public Outcome apply(Exchange e, Payload payload, ApplyContext ctx) {
 *     Hl7Message m = pipeline.prepare(e, payload);   // first, always
 *     String scope = e.endpoint();                   // the listener's name: the code-map scope
 *     ... codeMaps.translate(CodeMapKind.GENDER, scope, "HL70001", m.get("PID-8")) ...
 *   }
 * }
 * }</pre>
 *
 * <ul>
 *   <li>{@code prepare(exchange, payload)} parses the row's payload (with the listener's charset
 *       override), checks the listener's filter rules as they are now and runs its transformation
 *       rules; it answers the message to apply. It throws {@code ExchangeFailure.permanent} — let
 *       it propagate — when the payload is not HL7 v2 (the parser's {@code HL7-0xx}), when no
 *       filter rule accepts the message ({@code HL7-050}, e.g. an ADT^A28 that was acknowledged AR
 *       and stored) or one rejects it ({@code HL7-051}), or when a transformation fails ({@code
 *       HL7-059}). Handlers must call it before anything else: rows refused at receipt are stored
 *       under their own type and reach the type's handler, which fails them through it.
 *   <li>{@code interfaceOf(exchange)} gives the listener (settings, ack mode) when it still exists.
 *   <li>Rows a filter rule ignores never reach a handler: an {@code IgnoreRule} marks them IGNORED.
 *   <li>This package owns {@code @Handles("HL7 INBOUND *")} (the fallback that fails rows no
 *       handler takes with the reason), {@code HL7 OUTBOUND SIU^*} and {@code HL7 OUTBOUND ACK*}.
 *       Do not declare those patterns elsewhere.
 * </ul>
 *
 * <h2>Inbound rows</h2>
 *
 * A listener records every finished frame in the journal through the group-commit writer before it
 * answers: {@code channel HL7}, {@code messageType} {@code MSH-9.1^MSH-9.2} (e.g. {@code ADT^A04}),
 * {@code sender} {@code MSH-3.1^MSH-4.1}, {@code messageId} MSH-10, {@code correlationKey} {@code
 * MRN:<value>} (PID-3 by identifier type MR/MRN; MRG-1 — the merged patient — for merges; else
 * {@code PID:<first PID-3>}), {@code endpoint} the listener's name. A message the parser refuses is
 * stored too, as type {@code MALFORMED} with a hash of its bytes as message id, and ends FAILED
 * with the parser's code; a resend of the same bytes is a duplicate.
 *
 * <h2>Acknowledgments</h2>
 *
 * Nothing is acknowledged before its row is committed. Original mode: AA when stored (or, with
 * {@code after-apply}, once applied; AE with the apply error when it failed; AE {@code HL7-053}
 * when the worker did not finish within the listener's apply timeout — it will still be applied,
 * and a resend is answered with the outcome); AR for a message refused (malformed, or no filter
 * rule takes it) — stored all the same; AE {@code HL7-052} when it could not be stored (resend).
 * Enhanced mode (messages with MSH-15 or MSH-16 valued on an {@code enhanced} listener): the answer
 * on the connection is the commit ACK — CA when stored, CR when refused, CE when not stored —
 * whatever MSH-15 says, since an MLLP listener answers every frame. The application ACK (AA, or AE
 * with the apply error) is sent as its own message through the listener's reply sender when MSH-16
 * asks (AL; ER only on error; SU only on success) once the row is applied or failed — never on the
 * receiving connection, which carries one answer per frame; without a reply sender no application
 * ACK is sent. A duplicate (same sender, same MSH-10, same content apart from MSH-7 and line ends)
 * gets the same answer again and is stored and applied once; another message under a used MSH-10 is
 * kept and applied under {@code MSH-10~content key}, with a JOURNAL-007 warning in the log. Every
 * negative ACK carries ERR (ERR-3 from table 0357, ERR-8 the code and its meaning, never content).
 * Codes: {@link com.practicestudio.hl7.Hl7InterfaceError}.
 *
 * <h2>Rules</h2>
 *
 * Per listener, stored in {@code hl7_rule}: filter rules (accept / ignore / reject, by message
 * type, trigger, sending facility, a field value at a path; the first match decides; none → AR) and
 * transformation rules (set, copy, clear, map through a code map, strip a prefix; all that match,
 * in order). A new listener starts with accept rules for the types Practice Studio applies. Filters
 * are checked when a message arrives (for the ACK) and again when it is applied; transforms run
 * only when it is applied, so the journal keeps the message as received.
 *
 * <h2>Changes without restart</h2>
 *
 * {@link com.practicestudio.hl7.InterfaceRegistry} rebinds, starts and stops listeners and replaces
 * senders when their settings change; every node polls a change generation every {@code
 * practice-studio.hl7.refresh-interval}.
 */
package com.practicestudio.hl7;
