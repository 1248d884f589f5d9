package com.practicestudio.sandbox.data;

import java.util.List;

/**
 * Common US given names, surnames and streets (resource files beside this class) and the
 * Kansas/Missouri places the generator draws from.
 */
final class SeedNames {

  private SeedNames() {}

  private static List<String> lines(String resource) {
    try (java.io.InputStream in = SeedNames.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing seed resource " + resource);
      }
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
          .lines()
          .filter(line -> !line.isBlank())
          .toList();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static final List<String> MALE = lines("male-given-names.txt");

  static final List<String> FEMALE = lines("female-given-names.txt");

  static final List<String> SURNAMES = lines("surnames.txt");

  static final List<String> STREETS = lines("streets.txt");

  static final List<String> STREET_SUFFIXES =
      List.of("St", "Ave", "Blvd", "Rd", "Dr", "Ln", "Pkwy", "Ct", "Ter", "Way");

  /** City, state, ZIP prefix (3 digits), area code. */
  record Place(String city, String state, String zipPrefix, String areaCode) {}

  static final List<Place> PLACES =
      List.of(
          new Place("Kansas City", "MO", "641", "816"),
          new Place("Kansas City", "MO", "641", "816"),
          new Place("Kansas City", "KS", "661", "913"),
          new Place("Overland Park", "KS", "662", "913"),
          new Place("Olathe", "KS", "660", "913"),
          new Place("Lenexa", "KS", "662", "913"),
          new Place("Shawnee", "KS", "662", "913"),
          new Place("Independence", "MO", "640", "816"),
          new Place("Lee's Summit", "MO", "640", "816"),
          new Place("Blue Springs", "MO", "640", "816"),
          new Place("Liberty", "MO", "640", "816"),
          new Place("Gladstone", "MO", "641", "816"),
          new Place("Raytown", "MO", "641", "816"),
          new Place("Belton", "MO", "640", "816"),
          new Place("St. Joseph", "MO", "645", "816"),
          new Place("Lawrence", "KS", "660", "785"),
          new Place("Topeka", "KS", "666", "785"),
          new Place("Manhattan", "KS", "665", "785"),
          new Place("Wichita", "KS", "672", "316"),
          new Place("Columbia", "MO", "652", "573"),
          new Place("Springfield", "MO", "658", "417"),
          new Place("Goodland", "KS", "677", "785"));

  /** Given-name nicknames used for near-duplicate records. */
  static final List<List<String>> NICKNAMES =
      List.of(
          List.of("Robert", "Bob"),
          List.of("William", "Bill"),
          List.of("Richard", "Rick"),
          List.of("James", "Jim"),
          List.of("Michael", "Mike"),
          List.of("Elizabeth", "Liz"),
          List.of("Katherine", "Kate"),
          List.of("Margaret", "Peggy"),
          List.of("Jennifer", "Jenny"),
          List.of("Christopher", "Chris"),
          List.of("Patricia", "Pat"),
          List.of("Joseph", "Joe"),
          List.of("Thomas", "Tom"),
          List.of("Deborah", "Debbie"));
}
