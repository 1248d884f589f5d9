package com.practicestudio.sandbox.data;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Generates patients with US demographics. About one in 25 records is a near-duplicate of an
 * earlier one (a typo, swapped names, a nickname or a new address) under its own PERSON_ID and MRN;
 * every third duplicate has been combined into its original.
 */
final class PatientSeeder {

  private static final long FIRST_PERSON_ID = 12_724_000L;
  private static final long FIRST_MRN = 10_002_000L;

  private final SeedRandom random;
  private final LocalDate today;
  private final Instant seededAt;
  private final List<PatientRecord> patients = new ArrayList<>();
  private final List<MergeRecord> merges = new ArrayList<>();
  private long nextPersonId = FIRST_PERSON_ID;
  private long nextMrn = FIRST_MRN;
  private int duplicates;

  PatientSeeder(long seed, LocalDate today, Instant seededAt) {
    this.random = new SeedRandom(seed, 1);
    this.today = today;
    this.seededAt = seededAt;
  }

  List<PatientRecord> patients() {
    return patients;
  }

  List<MergeRecord> merges() {
    return merges;
  }

  void generate(int count) {
    while (patients.size() < count) {
      if (patients.size() > 10 && random.chance(0.04)) {
        addDuplicate(random.pick(patients.subList(0, patients.size() - 1)));
      } else {
        patients.add(newPatient());
      }
    }
  }

  private PatientRecord newPatient() {
    Sex sex = random.chance(0.51) ? Sex.FEMALE : Sex.MALE;
    if (random.chance(0.005)) {
      sex = Sex.UNKNOWN;
    }
    String given = random.pick(sex == Sex.MALE ? SeedNames.MALE : SeedNames.FEMALE);
    String middle = random.chance(0.6) ? random.pick(SeedNames.MALE).substring(0, 1) : null;
    if (sex == Sex.FEMALE && middle != null) {
      middle = random.pick(SeedNames.FEMALE).substring(0, 1);
    }
    String suffix = sex == Sex.MALE && random.chance(0.03) ? "Jr" : null;
    PersonName name = new PersonName(random.pick(SeedNames.SURNAMES), given, middle, suffix);
    LocalDate birthDate = today.minusDays(random.between(0, 95 * 365));
    SeedNames.Place place = random.pick(SeedNames.PLACES);
    return assemble(nextPersonId(), name, birthDate, sex, address(place), place, demographics());
  }

  private Coded[] demographics() {
    boolean hispanic = random.chance(0.12);
    Coded race = random.pick(MillenniumCodes.RACES.subList(0, random.chance(0.8) ? 2 : 5));
    Coded language =
        hispanic && random.chance(0.45)
            ? MillenniumCodes.SPANISH
            : random.chance(0.95)
                ? MillenniumCodes.ENGLISH
                : random.pick(
                    List.of(
                        MillenniumCodes.KOREAN, MillenniumCodes.CHINESE, MillenniumCodes.ARABIC));
    return new Coded[] {
      language,
      race,
      hispanic ? MillenniumCodes.HISPANIC : MillenniumCodes.NOT_HISPANIC,
      random.pick(MillenniumCodes.MARITAL)
    };
  }

  private PatientRecord assemble(
      long personId,
      PersonName name,
      LocalDate birthDate,
      Sex sex,
      Address address,
      SeedNames.Place place,
      Coded[] codes) {
    List<Alias> aliases = new ArrayList<>();
    aliases.add(new Alias(Alias.Type.MRN, SandboxIdentifiers.MRN_SYSTEM, nextMrn()));
    if (random.chance(0.7)) {
      String ssn = "9" + random.digits(2) + "-" + random.digits(2) + "-" + random.digits(4);
      aliases.add(new Alias(Alias.Type.SSN, SandboxIdentifiers.SSN_SYSTEM, ssn));
    }
    List<Phone> phones = new ArrayList<>();
    phones.add(new Phone(Phone.Use.HOME, phone(place.areaCode())));
    if (random.chance(0.6)) {
      phones.add(new Phone(Phone.Use.MOBILE, phone(place.areaCode())));
    }
    List<String> emails = random.chance(0.55) ? List.of(email(name, personId)) : List.<String>of();
    return new PatientRecord(
        personId,
        name,
        birthDate,
        sex,
        aliases,
        List.of(address),
        phones,
        emails,
        codes[0],
        codes[1],
        codes[2],
        codes[3],
        true,
        null,
        1,
        seededAt);
  }

  private void addDuplicate(PatientRecord original) {
    duplicates++;
    PersonName name = original.name();
    Address address = original.addresses().get(0);
    LocalDate birthDate = original.birthDate();
    SeedNames.Place place = random.pick(SeedNames.PLACES);
    switch (random.between(0, 3)) {
      case 0 -> name = new PersonName(typo(name.family()), name.given(), name.middle(), null);
      case 1 -> name = new PersonName(name.given(), name.family(), null, null);
      case 2 -> name = new PersonName(name.family(), nickname(name.given()), null, null);
      default -> address = address(place);
    }
    if (random.chance(0.15)) {
      birthDate = birthDate.plusDays(random.chance(0.5) ? 1 : -1);
    }
    Coded[] codes = {
      original.language(), original.race(), original.ethnicity(), original.maritalStatus()
    };
    PatientRecord duplicate =
        assemble(nextPersonId(), name, birthDate, original.sex(), address, place, codes);
    if (duplicates % 3 == 0) {
      Instant mergedAt = seededAt.minusSeconds(86_400L * random.between(1, 300));
      duplicate = duplicate.mergedInto(original.personId(), mergedAt);
      merges.add(new MergeRecord(duplicate.personId(), original.personId(), mergedAt));
    }
    patients.add(duplicate);
  }

  private String typo(String family) {
    int at = random.between(1, family.length() - 1);
    char[] letters = family.toCharArray();
    if (at < letters.length - 1 && random.chance(0.5)) {
      char swap = letters[at];
      letters[at] = letters[at + 1];
      letters[at + 1] = swap;
      return new String(letters);
    }
    return family.substring(0, at) + family.substring(at + 1);
  }

  private String nickname(String given) {
    for (List<String> pair : SeedNames.NICKNAMES) {
      if (pair.get(0).equals(given)) {
        return pair.get(1);
      }
    }
    return given.toUpperCase(Locale.ROOT);
  }

  private Address address(SeedNames.Place place) {
    String line1 =
        random.between(100, 19_999)
            + " "
            + (random.chance(0.3) ? random.pick(List.of("N ", "S ", "E ", "W ")) : "")
            + random.pick(SeedNames.STREETS)
            + " "
            + random.pick(SeedNames.STREET_SUFFIXES);
    String line2 = random.chance(0.15) ? "Apt " + random.between(1, 40) : null;
    String zip = place.zipPrefix() + random.digits(2);
    return new Address("home", line1, line2, place.city(), place.state(), zip, "US");
  }

  private String phone(String areaCode) {
    return "+1" + areaCode + "555" + random.digits(4);
  }

  private String email(PersonName name, long personId) {
    String domain = random.pick(List.of("example.com", "example.org", "example.net"));
    String local = (name.given() + "." + name.family()).toLowerCase(Locale.ROOT);
    return local.replaceAll("[^a-z.]", "") + (personId % 100) + "@" + domain;
  }

  private long nextPersonId() {
    long id = nextPersonId;
    nextPersonId += random.between(1, 9);
    return id;
  }

  private String nextMrn() {
    nextMrn += random.between(1, 17);
    return Long.toString(nextMrn);
  }
}
