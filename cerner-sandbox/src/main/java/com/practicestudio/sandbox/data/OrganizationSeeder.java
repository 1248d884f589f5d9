package com.practicestudio.sandbox.data;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Generates the organisation: two facilities with ambulatory clinics in their own time zones,
 * providers with NPIs, one schedule per provider and 30 days of weekday slots from today, a quarter
 * of them already booked.
 */
final class OrganizationSeeder {

  private static final long FIRST_PERSONNEL_ID = 4_122_600L;
  private static final long FIRST_APPOINTMENT_ID = 50_000_000L;
  private static final ZoneId CENTRAL = ZoneId.of("America/Chicago");
  private static final ZoneId MOUNTAIN = ZoneId.of("America/Denver");

  private static final List<Concept> SPECIALTIES =
      List.of(
          new Concept(Concept.NUCC, "207Q00000X", "Family Medicine Physician"),
          new Concept(Concept.NUCC, "207R00000X", "Internal Medicine Physician"),
          new Concept(Concept.NUCC, "208000000X", "Pediatrics Physician"),
          new Concept(Concept.NUCC, "363LF0000X", "Family Nurse Practitioner"));

  private final SeedRandom random;
  private final Instant seededAt;
  private final List<LocationRecord> locations = new ArrayList<>();
  private final List<ProviderRecord> providers = new ArrayList<>();
  private final List<ScheduleRecord> schedules = new ArrayList<>();
  private final List<SlotRecord> slots = new ArrayList<>();
  private final List<AppointmentRecord> appointments = new ArrayList<>();
  private long nextAppointmentId = FIRST_APPOINTMENT_ID;

  OrganizationSeeder(long seed, Instant seededAt) {
    this.random = new SeedRandom(seed, 2);
    this.seededAt = seededAt;
  }

  List<LocationRecord> locations() {
    return locations;
  }

  List<ProviderRecord> providers() {
    return providers;
  }

  List<ScheduleRecord> schedules() {
    return schedules;
  }

  List<SlotRecord> slots() {
    return slots;
  }

  List<AppointmentRecord> appointments() {
    return appointments;
  }

  void generate(int providerCount, LocalDate today, List<PatientRecord> bookable) {
    addLocations();
    List<LocationRecord> clinics =
        locations.stream().filter(l -> l.kind() == LocationRecord.Kind.AMBULATORY).toList();
    long personnelId = FIRST_PERSONNEL_ID;
    for (int i = 0; i < providerCount; i++) {
      LocationRecord clinic = clinics.get(i % clinics.size());
      ProviderRecord provider = provider(personnelId, clinic);
      providers.add(provider);
      ScheduleRecord schedule = schedule(provider, clinic, today);
      schedules.add(schedule);
      addSlots(schedule, clinic.zone(), today, bookable);
      personnelId += random.between(3, 40);
    }
  }

  private void addLocations() {
    locations.add(
        location(
            32_216_049L,
            "Prairie Valley Medical Center",
            LocationRecord.Kind.FACILITY,
            null,
            "4401 Wornall Rd",
            "Kansas City",
            "MO",
            "64111",
            "816",
            CENTRAL));
    locations.add(
        location(
            32_216_101L,
            "PVMC Family Medicine Midtown",
            LocationRecord.Kind.AMBULATORY,
            32_216_049L,
            "3801 Main St",
            "Kansas City",
            "MO",
            "64111",
            "816",
            CENTRAL));
    locations.add(
        location(
            32_216_102L,
            "PVMC Internal Medicine Overland Park",
            LocationRecord.Kind.AMBULATORY,
            32_216_049L,
            "10500 Quivira Rd",
            "Overland Park",
            "KS",
            "66215",
            "913",
            CENTRAL));
    locations.add(
        location(
            32_216_103L,
            "PVMC Pediatrics Lee's Summit",
            LocationRecord.Kind.AMBULATORY,
            32_216_049L,
            "2100 SE Blue Pkwy",
            "Lee's Summit",
            "MO",
            "64063",
            "816",
            CENTRAL));
    locations.add(
        location(
            61_518_600L,
            "High Plains Regional Hospital",
            LocationRecord.Kind.FACILITY,
            null,
            "220 W 2nd St",
            "Goodland",
            "KS",
            "67735",
            "785",
            MOUNTAIN));
    locations.add(
        location(
            61_518_614L,
            "High Plains Rural Health Clinic",
            LocationRecord.Kind.AMBULATORY,
            61_518_600L,
            "1210 Main Ave",
            "Goodland",
            "KS",
            "67735",
            "785",
            MOUNTAIN));
  }

  private LocationRecord location(
      long id,
      String name,
      LocationRecord.Kind kind,
      Long parent,
      String line1,
      String city,
      String state,
      String zip,
      String areaCode,
      ZoneId zone) {
    Address address = new Address("work", line1, null, city, state, zip, "US");
    Phone phone = new Phone(Phone.Use.WORK, "+1" + areaCode + "555" + random.digits(4));
    return new LocationRecord(id, name, kind, parent, address, phone, zone, seededAt);
  }

  private ProviderRecord provider(long personnelId, LocationRecord clinic) {
    Sex sex = random.chance(0.5) ? Sex.FEMALE : Sex.MALE;
    String given = random.pick(sex == Sex.MALE ? SeedNames.MALE : SeedNames.FEMALE);
    PersonName name = new PersonName(random.pick(SeedNames.SURNAMES), given, null, null);
    Concept specialty =
        clinic.name().contains("Pediatrics")
            ? SPECIALTIES.get(2)
            : random.pick(List.of(SPECIALTIES.get(0), SPECIALTIES.get(1), SPECIALTIES.get(3)));
    String credential =
        specialty.code().startsWith("363L") ? "NP" : random.chance(0.8) ? "MD" : "DO";
    Phone phone = new Phone(Phone.Use.WORK, clinic.phone().number());
    String email =
        (given.charAt(0) + name.family()).toLowerCase(java.util.Locale.ROOT) + "@pvmc.example.org";
    return new ProviderRecord(
        personnelId,
        npi(),
        name,
        sex,
        specialty,
        credential,
        phone,
        email,
        clinic.locationId(),
        seededAt);
  }

  /** A ten-digit NPI whose last digit is the Luhn check digit over the prefix 80840. */
  private String npi() {
    String base = random.between(1, 2) + random.digits(8);
    String prefixed = "80840" + base;
    int sum = 0;
    for (int i = prefixed.length() - 1, position = 0; i >= 0; i--, position++) {
      int digit = prefixed.charAt(i) - '0';
      if (position % 2 == 0) {
        digit *= 2;
        if (digit > 9) {
          digit -= 9;
        }
      }
      sum += digit;
    }
    return base + ((10 - sum % 10) % 10);
  }

  private ScheduleRecord schedule(ProviderRecord provider, LocationRecord clinic, LocalDate today) {
    List<Coded> types = new ArrayList<>();
    for (MillenniumCodes.AppointmentType type : MillenniumCodes.APPOINTMENT_TYPES) {
      if (types.isEmpty() || random.chance(0.7)) {
        types.add(type.coded());
      }
    }
    Instant from = today.atStartOfDay(clinic.zone()).toInstant();
    Instant to = today.plusDays(30).atStartOfDay(clinic.zone()).toInstant();
    String id = provider.personnelId() + "-" + clinic.locationId();
    return new ScheduleRecord(id, provider.personnelId(), clinic.locationId(), types, from, to);
  }

  private void addSlots(
      ScheduleRecord schedule, ZoneId zone, LocalDate today, List<PatientRecord> bookable) {
    for (int day = 0; day < 30; day++) {
      LocalDate date = today.plusDays(day);
      if (date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY) {
        continue;
      }
      addSession(schedule, date.atTime(LocalTime.of(8, 0)).atZone(zone), 4, bookable);
      addSession(schedule, date.atTime(LocalTime.of(13, 0)).atZone(zone), 4, bookable);
    }
  }

  private void addSession(
      ScheduleRecord schedule, ZonedDateTime start, int hours, List<PatientRecord> bookable) {
    ZonedDateTime end = start.plusHours(hours);
    ZonedDateTime at = start;
    while (true) {
      Coded type = random.pick(schedule.serviceTypes());
      int minutes = minutesOf(type);
      ZonedDateTime slotEnd = at.plusMinutes(minutes);
      if (slotEnd.isAfter(end)) {
        return;
      }
      String id =
          type.millennium().value()
              + "-"
              + schedule.scheduleId()
              + "-"
              + at.toInstant().getEpochSecond() / 60;
      boolean booked = random.chance(0.25);
      SlotStatus status = booked ? SlotStatus.BUSY : SlotStatus.FREE;
      SlotRecord slot =
          new SlotRecord(
              id,
              schedule.scheduleId(),
              type,
              at.toInstant(),
              slotEnd.toInstant(),
              status,
              1,
              seededAt);
      slots.add(slot);
      if (booked) {
        appointments.add(appointment(slot, schedule, random.pick(bookable)));
      }
      at = slotEnd;
    }
  }

  private AppointmentRecord appointment(
      SlotRecord slot, ScheduleRecord schedule, PatientRecord patient) {
    return new AppointmentRecord(
        nextAppointmentId++,
        slot.slotId(),
        patient.personId(),
        schedule.providerId(),
        schedule.locationId(),
        slot.serviceType(),
        slot.start(),
        slot.end(),
        "booked",
        null,
        1,
        seededAt);
  }

  private static int minutesOf(Coded type) {
    return MillenniumCodes.APPOINTMENT_TYPES.stream()
        .filter(t -> t.coded().equals(type))
        .findFirst()
        .orElseThrow()
        .minutes();
  }
}
