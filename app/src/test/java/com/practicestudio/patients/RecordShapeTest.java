package com.practicestudio.patients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RecordShapeTest {

  record Sample(String name, int count, List<String> tags) {}

  private final RecordShape<Sample> shape = RecordShape.of(Sample.class);

  @Test
  void names_come_in_declaration_order() {
    assertThat(shape.names()).containsExactly("name", "count", "tags");
    assertThat(shape.size()).isEqualTo(3);
  }

  @Test
  void reads_each_component_and_builds_a_record_back() {
    Sample sample = new Sample("a", 7, List.of("x"));
    Object[] values = new Object[shape.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = shape.get(i, sample);
    }
    assertThat(values).containsExactly("a", 7, List.of("x"));
    values[1] = 8;
    assertThat(shape.construct(values)).isEqualTo(new Sample("a", 8, List.of("x")));
  }

  @Test
  void a_value_of_the_wrong_type_is_refused_with_the_record_named() {
    assertThatThrownBy(() -> shape.construct(new Object[] {"a", "not a number", List.of()}))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Sample");
  }
}
