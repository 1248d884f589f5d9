package com.practicestudio.web;

import java.util.List;

/** A request that names bad fields; answered 400 with each field in the problem. */
public class InvalidRequestException extends RuntimeException {

  private final List<FieldProblem> problems;

  public InvalidRequestException(List<FieldProblem> problems) {
    super(
        "invalid request: "
            + String.join(", ", problems.stream().map(FieldProblem::field).toList()));
    this.problems = List.copyOf(problems);
  }

  public InvalidRequestException(String field, String message) {
    this(List.of(new FieldProblem(field, message)));
  }

  public List<FieldProblem> problems() {
    return problems;
  }
}
