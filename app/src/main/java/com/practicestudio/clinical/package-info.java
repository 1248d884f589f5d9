/**
 * Clinical records: encounters (visits, with Cerner FIN), observations (results, vital signs) and
 * clinical documents (content sealed at rest).
 *
 * <p>API for other features: {@link com.practicestudio.clinical.EncounterService}, {@link
 * com.practicestudio.clinical.ObservationService}, {@link
 * com.practicestudio.clinical.DocumentService}, {@link com.practicestudio.clinical.ClinicalMerge}
 * ({@code movePatient} for patient merges), and the events {@link
 * com.practicestudio.clinical.ObservationCreated} and {@link
 * com.practicestudio.clinical.DocumentCreated}.
 *
 * <p><b>Events are published inside the transaction.</b> Creating an observation or a document
 * publishes its event with Spring's {@code ApplicationEventPublisher} while the creating
 * transaction is open. The Cerner FHIR feature listens with a plain {@code @EventListener} (not
 * {@code @TransactionalEventListener}) and writes its outbound journal row for records with {@code
 * sendToCerner}, so the row commits or rolls back with the record; a listener that throws undoes
 * the create. It reports back through {@code recordCernerStatus}.
 *
 * <p>Reads are not audited by the services; every caller that shows a record to a person audits the
 * PHI read of its patient (the REST controllers do, as {@code api:<resource>}).
 */
package com.practicestudio.clinical;
