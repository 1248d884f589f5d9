/**
 * Appointments: Practice Studio's bookings of patients with providers at locations.
 *
 * <p>API for other features: {@link com.practicestudio.scheduling.AppointmentService} (create,
 * change, cancel, search, the console's day view, {@code movePatient} for patient merges) and the
 * {@link com.practicestudio.scheduling.AppointmentChanged} event.
 *
 * <p><b>Events are published inside the transaction.</b> Every create, change and cancel publishes
 * an {@link com.practicestudio.scheduling.AppointmentChanged} with Spring's {@code
 * ApplicationEventPublisher} before the service method returns, while its transaction is still
 * open. Features that must write something together with the change (outbound HL7 SIU S12/S14/S15
 * journal rows, Cerner booking requests) listen with a plain {@code @EventListener} — <em>not</em>
 * {@code @TransactionalEventListener} — so their rows commit or roll back with the appointment. A
 * listener that throws rolls the change back and the caller sees the error. Listeners run on the
 * caller's thread and should only write rows; slow work (network) belongs to a worker that picks
 * those rows up after commit. {@code movePatient} (patient merges) publishes no event: the merge
 * itself is announced by the patients feature.
 *
 * <p>Instants are stored and exchanged in UTC; {@link com.practicestudio.scheduling.Appointment}
 * also carries the location's time zone so callers can show local times.
 */
package com.practicestudio.scheduling;
