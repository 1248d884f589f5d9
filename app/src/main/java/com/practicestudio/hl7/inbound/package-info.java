/**
 * Inbound HL7 v2 handlers: journal rows of ADT, SIU, ORU, DFT and MDM messages applied to Practice
 * Studio's records, mapped per Cerner's conventions. Each handler is an {@link
 * com.practicestudio.journal.ExchangeHandler} bean that runs inside the journal's status
 * transaction, so what a message writes commits exactly once, together with {@code APPLIED}, or not
 * at all.
 *
 * <h2>Handlers</h2>
 *
 * <table>
 *   <caption>Message types and what they do</caption>
 *   <tr><th>pattern</th><th>class</th><th>effect</th></tr>
 *   <tr><td>ADT^A01, ADT^A04</td><td>{@code AdtA01Handler}</td>
 *       <td>upsert the patient (PID, coverages from IN1) and the encounter of the FIN (PID-18, PV1)</td></tr>
 *   <tr><td>ADT^A08, ADT^A31</td><td>{@code AdtA08Handler}</td>
 *       <td>the same, field by field; A31 touches the person only</td></tr>
 *   <tr><td>ADT^A40</td><td>{@code AdtA40Handler}</td>
 *       <td>each PID/MRG pair: merge the MRG-1 patient into the PID patient</td></tr>
 *   <tr><td>SIU^S12, SIU^S14</td><td>{@code SiuS12Handler}</td><td>create / modify the appointment</td></tr>
 *   <tr><td>SIU^S15</td><td>{@code SiuS15Handler}</td><td>cancel the appointment</td></tr>
 *   <tr><td>ORU^R01</td><td>{@code OruR01Handler}</td><td>observations; ED results become documents</td></tr>
 *   <tr><td>DFT^P03</td><td>{@code DftP03Handler}</td><td>charges from FT1</td></tr>
 *   <tr><td>MDM^T02</td><td>{@code MdmT02Handler}</td><td>a clinical document from TXA and OBX</td></tr>
 * </table>
 *
 * <p>The message is read through {@code MessageReader} (one method), which gives the interface
 * pipeline's prepared message: parsed with the listener's charset, filtered and transformed by its
 * rules. While a handler applies a message, {@link com.practicestudio.journal.Applying#inbound()}
 * names the row, so that listeners of record events (the outbound SIU feed) can tell Cerner's own
 * changes from Practice Studio's.
 *
 * <p>When the journal applies a group of ADT registrations and updates in one transaction, {@code
 * AdtReadAhead} parses each message once and reads, for the whole group, the patients their PID-3
 * identifiers name (locked, with their identifiers and coverages) and the encounters of their FINs:
 * seven statements for the group instead of about eight per message. A message that shares an
 * identifier value, a patient or a FIN with another of the group reads for itself.
 *
 * <h2>Mapping</h2>
 *
 * <ul>
 *   <li><b>Null and empty.</b> A field sent as {@code ""} clears what it maps to; an empty or
 *       absent field leaves it as it is (PID, PV1, PV2-3, SCH-6/7, NTE-3, AIL-3, AIP-3). A
 *       composite field that is sent replaces all it maps to (PID-5 sets the whole name, PID-11 the
 *       whole address); PID-13 sets the home, mobile and e-mail values it carries and leaves the
 *       others.
 *   <li><b>Patient (PID).</b> MRN from PID-3 by identifier type (CX-5 {@code MR}/{@code MRN}, or a
 *       site's own types in {@code practice-studio.hl7.handlers.mrn-types}; a raw {@code CD:} type
 *       in an alias pool named MRN; else the first untyped repetition), its assigning authority
 *       kept (CX-4, namespace else universal id); other repetitions become identifiers, SS ones the
 *       sealed SSN; a patient without MRN is found by its other identifiers. Name PID-5 (first
 *       repetition: family^given^middle^suffix), birth date PID-7, gender PID-8, race PID-10,
 *       address PID-11 (the {@code H} repetition, else the first), phones PID-13/PID-14 (XTN by use
 *       and equipment code, components or unformatted, E.164, unparseable kept and flagged),
 *       language PID-15, marital status PID-16, SSN PID-19, ethnicity PID-22, death date PID-29.
 *       Coded values go through the code maps of the interface (the row's endpoint is the scope):
 *       the code in its system, in the field's HL7 table, in any system (raw Cerner {@code CD:nnn}
 *       values), then the display text. A code no map knows leaves the field as it is and is listed
 *       under Code maps › Codes without a mapping ({@code GET /api/v1/code-maps/misses}) with the
 *       latest message that carried it — add the mapping and reprocess.
 *   <li><b>Values Practice Studio cannot store</b> but that no record needs are left out rather
 *       than failing the message: an SSN that is not nine digits (and Cerner's {@code
 *       000-00-0000}), a ZIP that is no US ZIP on a US address, an e-mail that is no address, an
 *       SNOMED or ICD-9 diagnosis on a charge, an OBX without value (a pending result).
 *   <li><b>Encounter</b> by FIN (PID-18 with its authority): class PV1-2, location PV1-3, attending
 *       PV1-7, visit number PV1-19, admit/discharge PV1-44/45, reason PV2-3; status in-progress
 *       (A01), arrived (A04), finished once discharged. Other message types only link to a known
 *       encounter.
 *   <li><b>Coverages</b> from IN1: insurer IN1-4 (else IN1-2 text), insurer id IN1-3, plan IN1-2,
 *       group IN1-8, dates IN1-12/13, subscriber IN1-16, relationship IN1-17, member id IN1-36 else
 *       IN1-49; the IN1 list replaces the stored one.
 *   <li><b>Appointment</b> by SCH-2 (else SCH-1) as external id; start/end TQ1-7/8, else SCH-11
 *       start^end, else a resource's start plus SCH-9/10 or the resource's duration; type from
 *       AIS-3 (else SCH-8, SCH-7) and status from SCH-25 through the code maps; location AIL-3,
 *       provider AIP-3 (else a known AIG-3); reason SCH-7, notes NTE of the SCH group. A cancelled
 *       appointment is not changed by a later S12/S14 (IGNORED); an S15 for an unknown one records
 *       it cancelled.
 *   <li><b>Observations</b>: code OBX-3 (LOINC coding preferred, else OBR-4), value by OBX-2 (TX/FT
 *       lines of one code joined), unit OBX-6 as UCUM (as sent when OBX-6.3 says {@code UCUM}, else
 *       a common spelling translated, else kept as written), range OBX-7, flags OBX-8, status
 *       OBX-11, time OBX-14 else OBR-7/8, accession OBR-3, order OBR-2, notes from NTE (the
 *       order's, then the result's).
 *   <li><b>Charges</b> from FT1 (see {@code Ft1Mapper}); an FT1 that is no charge (FT1-6 credit,
 *       payment, adjustment) fails the message, as the charges cannot hold it; <b>documents</b>
 *       from TXA (see {@code MdmT02Handler}) with OBX TX lines as text/plain or an ED value as its
 *       own type.
 *   <li><b>References.</b> Providers (XCN) through the provider code map, else by external id, else
 *       by NPI; an unknown one with an id and a family name is created. Locations (PL, keyed
 *       facility/point of care/room/bed) through the location code map, else by external id, else
 *       created.
 *   <li><b>Times</b> to UTC: the value's own offset, else the location's time zone, else the
 *       sending facility's ({@code practice-studio.hl7.handlers.facility-time-zones}, by MSH-4),
 *       else MSH-7's offset, else the default zone. Birth, death and service dates are dates as
 *       written.
 * </ul>
 *
 * <h2>Idempotency</h2>
 *
 * Applying a message again changes nothing: patients by MRN and identifiers, encounters by FIN,
 * appointments by SCH filler id, charges by FT1-2, documents by TXA-12; results (accession, code,
 * OBX-4 sub-id, time), ED documents and FT1s (message MSH-3/4/10, set id, date, code) or TXAs
 * without an id by a business key kept hashed in {@code hl7_record_key}. A key or id that names
 * another patient's record fails the message (HL7-108): no record moves to another patient. A
 * preliminary result is updated by its final or corrected one. Every handler reports what it
 * changes through {@code ApplyContext.report} (entity and field names, no values), which is what a
 * dry-run reprocess shows.
 *
 * <h2>Failures</h2>
 *
 * A payload the interface pipeline refuses ends FAILED with the pipeline's code (the parser's
 * {@code HL7-0xx}, a filter's {@code HL7-050}/{@code 051}). A message that cannot be applied ends
 * FAILED with an {@link com.practicestudio.hl7.inbound.Hl7HandlerError} code ({@code HL7-100}
 * unreadable, {@code 101} wrong MSH-9, {@code 102} missing segment, {@code 103} no patient
 * identifier, {@code 104} missing field, {@code 105} bad date, {@code 106} bad number, {@code 107}
 * value refused by the records, {@code 108} patient conflict, {@code 109} bad encapsulated content,
 * {@code 110} merge refused, {@code 111} record conflict, {@code 112} an FT1 that is no charge) and
 * a text naming the segment and field, never a value. Nothing of such a message is written.
 *
 * <h2>The corpus</h2>
 *
 * {@code Hl7CorpusIT} applies every message of these types in {@code hl7v2/{adt,siu,oru,dft,mdm,
 * batch}} in that order. All are APPLIED except:
 *
 * <table>
 *   <caption>Corpus messages not applied, and why</caption>
 *   <tr><th>file</th><th>outcome</th><th>why</th></tr>
 *   <tr><td>oru/mirth_small_oru_v24_cr.hl7</td><td>FAILED HL7-105</td>
 *       <td>PID-7 is {@code Aug 15, 1942}, not an HL7 date</td></tr>
 *   <tr><td>oru/ti_Epic_002_ORU_R01_v23_nte.hl7</td><td>FAILED HL7-105</td>
 *       <td>placeholder demographics: PID-7 is {@code DOB}</td></tr>
 *   <tr><td>oru/ti_CA_002_ORU_R01_v251.hl7</td><td>FAILED HL7-103</td>
 *       <td>PID-3 {@code ^^^NPI^MR} carries no identifier value</td></tr>
 *   <tr><td>batch/hapi_example_oml_o21_x13.hl7 #10 (ORU^R01)</td><td>FAILED HL7-103</td>
 *       <td>PID-3 is a blank; the id is only in PID-4</td></tr>
 *   <tr><td>oru/msfc_ORU-R01-01_v251_ed.hl7</td><td>FAILED HL7-104</td>
 *       <td>an ED OBX before any OBR with no OBX-3 (and no ED data)</td></tr>
 *   <tr><td>oru/node_nist_oru_case6_v251_cr.hl7</td><td>FAILED HL7-107</td>
 *       <td>OBX(2)-3 {@code 20995-1} claims LOINC but fails the LOINC check digit</td></tr>
 *   <tr><td>mdm/msfc_MDM-T02-01_v28_ed.hl7</td><td>FAILED HL7-109</td>
 *       <td>the document's ED value {@code ^application^pdf^Base64^} has no data</td></tr>
 *   <tr><td>oru/node_athena_oru_v251_lri.hl7</td><td>IGNORED</td><td>no OBX at all</td></tr>
 *   <tr><td>batch/hapi_util_messages_commented.txt #1 (ORU^R01)</td><td>IGNORED</td>
 *       <td>its OBX are run into the OBR line (the CR between them is missing): no OBX segment</td></tr>
 *   <tr><td>batch/mirth_batch_siu_x3.hl7 #1 S12, #2 S14</td><td>IGNORED</td>
 *       <td>filler id 2196178 was cancelled by siu/mirth_siu_s15_v23.hl7 earlier in the run</td></tr>
 *   <tr><td>adt/mirth_adt_a04_v231_som_eom_markers.txt</td><td>not recorded</td>
 *       <td>{@code [SOM]} text before MSH: not HL7 (parser HL7-013)</td></tr>
 *   <tr><td>adt/hapi_adt_a03_v25_it.txt, adt/hapi_segmentfinder_a24_custom_delims.hl7, the OML,
 *       OUL, ORL, BAR, ORM, QRY and ACK messages of batch/</td><td>not recorded</td>
 *       <td>types no handler takes (the listener answers AR)</td></tr>
 * </table>
 *
 * Applied, but partly: node_realm_hepc_v251_cr.hl7's first OBX is shifted by two fields (OBX-5
 * empty, the SN in OBX-7) and so has no value; msfc_LAB-ORU-1 has pending OBX without values; the
 * SIU v2.8 samples carry their S14/S15 notes in NTE-2 instead of NTE-3.
 */
package com.practicestudio.hl7.inbound;
