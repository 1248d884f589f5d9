package com.practicestudio.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumbersTest {

  private final PhoneNumbers phones = new PhoneNumbers(new PhoneProperties("US"));

  @ParameterizedTest(name = "{0} -> {1} ext {2}")
  @CsvSource(
      delimiter = ';',
      nullValues = "-",
      value = {
        "(555) 123-4567;        +15551234567;  -",
        "555-123-4567;          +15551234567;  -",
        "555.123.4567;          +15551234567;  -",
        "5551234567;            +15551234567;  -",
        "1-555-123-4567;        +15551234567;  -",
        "+1 (555) 123-4567;     +15551234567;  -",
        "555.123.4567 x12;      +15551234567;  12",
        "(555) 123-4567 ext. 890; +15551234567; 890",
        "555-123-4567 extension 7; +15551234567; 7",
        "(260)555-1234;         +12605551234;  -",
        "(832)795-8259;         +18327958259;  -",
        "8885551212;            +18885551212;  -",
        "+44 20 7946 0958;      +442079460958; -",
        "+33 1 23 45 67 89;     +33123456789;  -",
        "011 44 20 7946 0958;   +442079460958; -",
        "tel:+1-555-123-4567;   +15551234567;  -",
        "  555 123 4567  ;      +15551234567;  -",
      })
  void normalises_real_world_formats_to_e164(String given, String e164, String extension) {
    Phone phone = phones.normalise(given);
    assertThat(phone.valid()).isTrue();
    assertThat(phone.value()).isEqualTo(e164);
    assertThat(phone.extension()).isEqualTo(extension);
  }

  @ParameterizedTest
  @ValueSource(strings = {"555-1234", "12", "call me", "+1 555", "(999)232-43", "555-123-45678-99"})
  void keeps_unparseable_numbers_as_given_and_flags_them(String given) {
    Phone phone = phones.normalise(given);
    assertThat(phone.valid()).isFalse();
    assertThat(phone.value()).isEqualTo(given);
    assertThat(phone.extension()).isNull();
  }

  @Test
  void a_number_read_again_reads_the_same_and_its_region_is_part_of_the_reading() {
    Phone first = phones.normalise("020 7946 0958", "GB");
    assertThat(phones.normalise("020 7946 0958", "GB")).isEqualTo(first);
    assertThat(first.value()).isEqualTo("+442079460958");
    // the same text in another region is another reading, not the one remembered
    assertThat(phones.normalise("020 7946 0958", "US").valid()).isFalse();
    assertThat(phones.normalise("020 7946 0958", "GB")).isEqualTo(first);
    assertThat(phones.normalise(first.value())).isEqualTo(first);
  }

  @Test
  void blank_is_no_phone_at_all() {
    assertThat(phones.normalise(null)).isNull();
    assertThat(phones.normalise("   ")).isNull();
  }

  @Test
  void another_default_region_reads_national_numbers_as_its_own() {
    PhoneNumbers uk = new PhoneNumbers(new PhoneProperties("gb"));
    assertThat(uk.normalise("020 7946 0958").value()).isEqualTo("+442079460958");
    assertThat(phones.normalise("020 7946 0958", "GB").value()).isEqualTo("+442079460958");
  }

  @Test
  void an_unknown_default_region_is_refused_at_start() {
    assertThatThrownBy(() -> new PhoneNumbers(new PhoneProperties("XX")))
        .hasMessageContaining("default-region");
  }

  @ParameterizedTest(name = "{0}|{1}|{2}|{3} -> {4}")
  @CsvSource(
      nullValues = "-",
      value = {
        "-,   555, 1234567, -,   +15551234567, -,   true",
        "1,   555, 1234567, 12,  +15551234567, 12,  true",
        "+1,  832, 7958259, -,   +18327958259, -,   true",
        "44,  20,  79460958, -,  +442079460958, -,  true",
        "-,   -,   5551234567, -, +15551234567, -,  true",
      })
  void normalises_numbers_given_in_parts_like_hl7_xtn(
      String country,
      String area,
      String local,
      String ext,
      String e164,
      String expectedExt,
      boolean valid) {
    Phone phone = phones.normalise(country, area, local, ext);
    assertThat(phone.valid()).isEqualTo(valid);
    assertThat(phone.value()).isEqualTo(e164);
    assertThat(phone.extension()).isEqualTo(expectedExt);
  }

  @Test
  void parts_without_an_area_code_are_kept_joined_and_flagged() {
    Phone phone = phones.normalise(null, null, "1234567", "9");
    assertThat(phone.valid()).isFalse();
    assertThat(phone.value()).isEqualTo("1234567 x9");
    assertThat(phones.normalise(null, " ", "", null)).isNull();
  }

  @Test
  void to_string_never_shows_the_number() {
    assertThat(phones.normalise("(555) 123-4567").toString()).doesNotContain("555");
  }
}
