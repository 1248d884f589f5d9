/**
 * The sandbox's MLLP peer: HL7 v2 over MLLP as a Cerner Millennium interface (Open Engine / FSI)
 * speaks it. Built on the {@code mllp} module (listener, sender, codec) and the {@code hl7v2}
 * module (builder, parser, ACKs); no HAPI.
 *
 * <ul>
 *   <li>{@link com.practicestudio.sandbox.hl7.Hl7Peer} — the component and its Java API ({@code
 *       sandbox.hl7()}); {@code /admin/hl7/*} is its JSON API.
 *   <li>Generating: {@code MessageGenerator} picks seeded records for a {@link
 *       com.practicestudio.sandbox.hl7.GenerateSpec}; the {@code *Mapper}s write ADT
 *       A01/A04/A08/A31/A40, SIU S12/S14/S15, ORU R01, DFT P03 and MDM T02 in v2.3 with Cerner's
 *       conventions (MRN in PID-3 typed {@code MRN} under the pool's alias, FIN in PID-18 with
 *       {@code CD:1077}, raw {@code CD:} values where no alias is built, {@code ""} for values
 *       Millennium does not hold, {@code Q…T…} control ids, MSH-18 {@code 8859/1}, times with the
 *       location's offset).
 *   <li>Sending: an {@link com.practicestudio.sandbox.hl7.Hl7Script} becomes an {@link
 *       com.practicestudio.sandbox.hl7.Hl7Run} of {@link
 *       com.practicestudio.sandbox.hl7.SentMessage}s: paced, pipelined, optionally {@link
 *       com.practicestudio.sandbox.hl7.Misbehaviour misbehaving}.
 *   <li>Listening: every message is recorded as a {@link
 *       com.practicestudio.sandbox.hl7.ReceivedMessage} and answered as the {@link
 *       com.practicestudio.sandbox.hl7.AnswerPolicy} says.
 * </ul>
 *
 * See {@code docs/sandbox-hl7.md} for the conventions, the admin API and examples.
 */
package com.practicestudio.sandbox.hl7;
