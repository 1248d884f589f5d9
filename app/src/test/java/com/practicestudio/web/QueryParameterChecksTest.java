package com.practicestudio.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.practicestudio.journal.ExchangeStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.format.support.DefaultFormattingConversionService;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;

class QueryParameterChecksTest {

  private final QueryParameterChecks checks =
      new QueryParameterChecks(DefaultFormattingConversionService::new);

  @SuppressWarnings("unused")
  static class Endpoints {
    void list(
        @RequestParam(required = false) ExchangeStatus status,
        @RequestParam(required = false) Instant from,
        @RequestParam(required = false) Integer limit,
        @RequestParam(required = false) List<Long> ids) {}

    void needs(@RequestParam String reason, @RequestParam(defaultValue = "5") int count) {}

    void upload(@PathVariable long id, @RequestParam MultipartFile file) {}

    void anything(@RequestParam Map<String, String> all) {}
  }

  @Test
  void every_bad_parameter_is_named_at_once_unknown_names_first() {
    List<FieldProblem> problems =
        refused(
            "list",
            Map.of("messageId", "1", "limit", "abc", "status", "NOPE", "from", "yesterday"));

    assertThat(problems)
        .extracting(FieldProblem::field)
        .containsExactly("messageId", "status", "from", "limit");
    assertThat(problems.get(1).message()).startsWith("must be one of [").contains("APPLIED");
    assertThat(problems.get(2).message())
        .isEqualTo("must be an instant (e.g. 2026-11-19T14:30:00Z)");
    assertThat(problems.get(3).message()).isEqualTo("must be a number");
  }

  @Test
  void values_that_convert_pass_and_a_list_names_its_element_type() {
    assertThat(
            passes(
                "list",
                Map.of(
                    "status",
                    "FAILED",
                    "from",
                    "2026-11-19T14:30:00Z",
                    "limit",
                    "5",
                    "ids",
                    "1,2")))
        .isTrue();
    assertThat(refused("list", Map.of("ids", "1,x")))
        .containsExactly(new FieldProblem("ids", "must be a number"));
  }

  @Test
  void a_required_parameter_left_out_is_named_and_one_with_a_default_is_not() {
    assertThat(refused("needs", Map.of("count", "x")))
        .containsExactly(
            new FieldProblem("reason", "is required"),
            new FieldProblem("count", "must be a number"));
    assertThat(passes("needs", Map.of("reason", "duplicate"))).isTrue();
  }

  @Test
  void a_file_part_is_a_known_name_and_not_checked_here() {
    assertThat(passes("upload", Map.of())).isTrue();
    assertThat(refused("upload", Map.of("fiel", "x")))
        .extracting(FieldProblem::message)
        .containsExactly("is not a parameter of this request; it takes file");
  }

  @Test
  void an_endpoint_taking_a_map_takes_any_name() {
    assertThat(passes("anything", Map.of("whatever", "1"))).isTrue();
  }

  private boolean passes(String method, Map<String, String> query) {
    return checks.preHandle(request(query), new MockHttpServletResponse(), handler(method));
  }

  private List<FieldProblem> refused(String method, Map<String, String> query) {
    return catchProblems(
        () -> checks.preHandle(request(query), new MockHttpServletResponse(), handler(method)));
  }

  private static List<FieldProblem> catchProblems(Runnable call) {
    InvalidRequestException[] thrown = new InvalidRequestException[1];
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> thrown[0] = e);
    return thrown[0].problems();
  }

  private static MockHttpServletRequest request(Map<String, String> query) {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/x");
    query.forEach(request::addParameter);
    return request;
  }

  private static HandlerMethod handler(String name) {
    for (var method : Endpoints.class.getDeclaredMethods()) {
      if (method.getName().equals(name)) {
        return new HandlerMethod(new Endpoints(), method);
      }
    }
    throw new IllegalArgumentException(name);
  }
}
