package com.practicestudio.sandbox.data;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The sandbox's Millennium domain in memory: the seeded records plus what clients create. Safe for
 * concurrent use; every read answers immutable records in id order. Booking a slot is atomic per
 * slot, so two concurrent bookings of one slot cannot both succeed.
 */
public final class SandboxData {

  private final Clock clock;
  private final NavigableMap<Long, PatientRecord> patients = new ConcurrentSkipListMap<>();
  private final NavigableMap<Long, ProviderRecord> providers = new ConcurrentSkipListMap<>();
  private final NavigableMap<Long, LocationRecord> locations = new ConcurrentSkipListMap<>();
  private final NavigableMap<String, ScheduleRecord> schedules = new ConcurrentSkipListMap<>();
  private final Map<String, SlotRecord> slots = new ConcurrentHashMap<>();
  private final NavigableMap<Long, AppointmentRecord> appointments = new ConcurrentSkipListMap<>();
  private final NavigableMap<Long, EncounterRecord> encounters = new ConcurrentSkipListMap<>();
  private final NavigableMap<Long, ObservationRecord> observations = new ConcurrentSkipListMap<>();
  private final NavigableMap<Long, DocumentRecord> documents = new ConcurrentSkipListMap<>();
  private final List<MergeRecord> merges = new CopyOnWriteArrayList<>();
  private final List<DataChangeListener> listeners = new CopyOnWriteArrayList<>();
  private final AtomicLong nextId;

  SandboxData(Clock clock, long firstFreeId) {
    this.clock = clock;
    this.nextId = new AtomicLong(firstFreeId);
  }

  /** The clock the domain keeps time by. */
  public Clock clock() {
    return clock;
  }

  /** Adds a listener told about every later change. */
  public void addListener(DataChangeListener listener) {
    listeners.add(listener);
  }

  public List<PatientRecord> patients() {
    return List.copyOf(patients.values());
  }

  public Optional<PatientRecord> patient(long personId) {
    return Optional.ofNullable(patients.get(personId));
  }

  public List<ProviderRecord> providers() {
    return List.copyOf(providers.values());
  }

  public Optional<ProviderRecord> provider(long personnelId) {
    return Optional.ofNullable(providers.get(personnelId));
  }

  public List<LocationRecord> locations() {
    return List.copyOf(locations.values());
  }

  public Optional<LocationRecord> location(long locationId) {
    return Optional.ofNullable(locations.get(locationId));
  }

  public List<ScheduleRecord> schedules() {
    return List.copyOf(schedules.values());
  }

  public Optional<ScheduleRecord> schedule(String scheduleId) {
    return Optional.ofNullable(schedules.get(scheduleId));
  }

  /** All slots ordered by start, then id. */
  public List<SlotRecord> slots() {
    List<SlotRecord> all = new ArrayList<>(slots.values());
    all.sort(java.util.Comparator.comparing(SlotRecord::start).thenComparing(SlotRecord::slotId));
    return all;
  }

  public Optional<SlotRecord> slot(String slotId) {
    return Optional.ofNullable(slots.get(slotId));
  }

  public List<AppointmentRecord> appointments() {
    return List.copyOf(appointments.values());
  }

  public Optional<AppointmentRecord> appointment(long appointmentId) {
    return Optional.ofNullable(appointments.get(appointmentId));
  }

  public List<EncounterRecord> encounters() {
    return List.copyOf(encounters.values());
  }

  public Optional<EncounterRecord> encounter(long encounterId) {
    return Optional.ofNullable(encounters.get(encounterId));
  }

  public List<ObservationRecord> observations() {
    return List.copyOf(observations.values());
  }

  public Optional<ObservationRecord> observation(long observationId) {
    return Optional.ofNullable(observations.get(observationId));
  }

  public List<DocumentRecord> documents() {
    return List.copyOf(documents.values());
  }

  public Optional<DocumentRecord> document(long documentId) {
    return Optional.ofNullable(documents.get(documentId));
  }

  public List<MergeRecord> merges() {
    return List.copyOf(merges);
  }

  /** A new id for a created record (unique across record types, like Millennium's sequences). */
  public long nextId() {
    return nextId.getAndIncrement();
  }

  /**
   * Switches a slot's status (Cerner allows free ⇄ busy-tentative), checking the version when one
   * is given.
   *
   * @param expectedVersion the version the client last saw, or null to skip the check
   * @throws SlotUnavailableException when the slot is busy and cannot be held or freed
   * @throws VersionConflictException when {@code expectedVersion} is stale
   */
  public SlotRecord changeSlotStatus(String slotId, SlotStatus target, Integer expectedVersion) {
    SlotRecord changed =
        slots.computeIfPresent(
            slotId,
            (id, slot) -> {
              if (expectedVersion != null && expectedVersion != slot.version()) {
                throw new VersionConflictException("Slot " + id, expectedVersion, slot.version());
              }
              if (!isOpen(slot.status())) {
                throw new SlotUnavailableException(id, slot.status());
              }
              return slot.withStatus(target, clock.instant());
            });
    if (changed == null) {
      throw new IllegalArgumentException("no slot " + slotId);
    }
    publish(DataChange.Kind.SLOT_CHANGED, changed);
    return changed;
  }

  /**
   * Books a patient into a free or held slot: the slot becomes busy and a booked appointment is
   * stored. Atomic per slot.
   *
   * @throws SlotUnavailableException when the slot is no longer free or held
   */
  public AppointmentRecord book(String slotId, long patientId, String comment) {
    long appointmentId = nextId();
    SlotRecord[] booked = new SlotRecord[1];
    SlotRecord after =
        slots.computeIfPresent(
            slotId,
            (id, slot) -> {
              if (!isOpen(slot.status())) {
                throw new SlotUnavailableException(id, slot.status());
              }
              booked[0] = slot;
              return slot.withStatus(SlotStatus.BUSY, clock.instant());
            });
    if (after == null) {
      throw new IllegalArgumentException("no slot " + slotId);
    }
    AppointmentRecord appointment = appointmentFor(appointmentId, booked[0], patientId, comment);
    appointments.put(appointmentId, appointment);
    publish(DataChange.Kind.SLOT_CHANGED, after);
    publish(DataChange.Kind.APPOINTMENT_BOOKED, appointment);
    return appointment;
  }

  private AppointmentRecord appointmentFor(
      long id, SlotRecord slot, long patientId, String comment) {
    ScheduleRecord schedule = schedules.get(slot.scheduleId());
    return new AppointmentRecord(
        id,
        slot.slotId(),
        patientId,
        schedule.providerId(),
        schedule.locationId(),
        slot.serviceType(),
        slot.start(),
        slot.end(),
        "booked",
        comment,
        1,
        clock.instant());
  }

  /** Stores a created observation (its id from {@link #nextId()}). */
  public ObservationRecord addObservation(ObservationRecord observation) {
    observations.put(observation.observationId(), observation);
    publish(DataChange.Kind.OBSERVATION_CREATED, observation);
    return observation;
  }

  /** Stores a created document (its id from {@link #nextId()}). */
  public DocumentRecord addDocument(DocumentRecord document) {
    documents.put(document.documentId(), document);
    publish(DataChange.Kind.DOCUMENT_CREATED, document);
    return document;
  }

  private static boolean isOpen(SlotStatus status) {
    return status == SlotStatus.FREE || status == SlotStatus.BUSY_TENTATIVE;
  }

  private void publish(DataChange.Kind kind, Object record) {
    DataChange change = new DataChange(kind, record);
    listeners.forEach(listener -> listener.changed(change));
  }

  // ---- loading, used by the seed generator only ----

  void putAll(SeedBatch batch) {
    batch.patients().forEach(p -> patients.put(p.personId(), p));
    batch.providers().forEach(p -> providers.put(p.personnelId(), p));
    batch.locations().forEach(l -> locations.put(l.locationId(), l));
    batch.schedules().forEach(s -> schedules.put(s.scheduleId(), s));
    batch.slots().forEach(s -> slots.put(s.slotId(), s));
    batch.appointments().forEach(a -> appointments.put(a.appointmentId(), a));
    batch.encounters().forEach(e -> encounters.put(e.encounterId(), e));
    batch.observations().forEach(o -> observations.put(o.observationId(), o));
    batch.documents().forEach(d -> documents.put(d.documentId(), d));
    merges.addAll(batch.merges());
  }

  /** Seeded records, grouped for loading. */
  record SeedBatch(
      Collection<PatientRecord> patients,
      Collection<ProviderRecord> providers,
      Collection<LocationRecord> locations,
      Collection<ScheduleRecord> schedules,
      Collection<SlotRecord> slots,
      Collection<AppointmentRecord> appointments,
      Collection<EncounterRecord> encounters,
      Collection<ObservationRecord> observations,
      Collection<DocumentRecord> documents,
      Collection<MergeRecord> merges) {}
}
