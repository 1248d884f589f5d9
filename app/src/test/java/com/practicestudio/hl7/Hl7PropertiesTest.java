package com.practicestudio.hl7;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The HL7 settings as Spring binds them from the properties an operator writes. */
class Hl7PropertiesTest {

  @Test
  void defaults_need_no_setting() {
    Hl7Properties properties = bind(Map.of());

    assertThat(properties.attendingRoles()).containsExactly("AT");
    assertThat(properties.applicationAckInterval()).isEqualTo(Duration.ofSeconds(2));
    assertThat(properties.mllp().port()).isEqualTo(2575);
  }

  @Test
  void attending_roles_are_a_comma_list_with_blanks_dropped() {
    Hl7Properties properties =
        bind(Map.of("practice-studio.hl7.attending-roles", " AT, ATND ,,CD:4024"));

    assertThat(properties.attendingRoles()).containsExactly("AT", "ATND", "CD:4024");
  }

  private static Hl7Properties bind(Map<String, String> settings) {
    return new Binder(new MapConfigurationPropertySource(settings))
        .bindOrCreate("practice-studio.hl7", Hl7Properties.class);
  }
}
