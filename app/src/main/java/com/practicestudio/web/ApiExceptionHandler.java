package com.practicestudio.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.BindException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

/**
 * Every API error is an RFC 7807 problem. Bad fields are listed under {@code errors} with their
 * names; values are never echoed (they may be PHI).
 */
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
public class ApiExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
  public static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;

  @ExceptionHandler(InvalidRequestException.class)
  ResponseEntity<ProblemDetail> invalid(InvalidRequestException e) {
    return badRequest(e.problems());
  }

  @ExceptionHandler(BindException.class)
  ResponseEntity<ProblemDetail> bind(BindException e) {
    List<FieldProblem> problems = new ArrayList<>();
    e.getFieldErrors()
        .forEach(
            f -> problems.add(new FieldProblem(f.getField(), messageOf(f.getDefaultMessage()))));
    e.getGlobalErrors()
        .forEach(g -> problems.add(new FieldProblem(g.getObjectName(), g.getDefaultMessage())));
    return badRequest(problems);
  }

  @ExceptionHandler(HandlerMethodValidationException.class)
  ResponseEntity<ProblemDetail> methodValidation(HandlerMethodValidationException e) {
    List<FieldProblem> problems = new ArrayList<>();
    e.getParameterValidationResults()
        .forEach(
            r ->
                r.getResolvableErrors()
                    .forEach(
                        err ->
                            problems.add(
                                new FieldProblem(
                                    r.getMethodParameter().getParameterName(),
                                    messageOf(err.getDefaultMessage())))));
    return badRequest(problems);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
    String expected =
        e.getRequiredType() == null ? "another type" : ParameterTypes.describe(e.getRequiredType());
    return badRequest(List.of(new FieldProblem(e.getName(), "must be " + expected)));
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<ProblemDetail> missingParam(MissingServletRequestParameterException e) {
    return badRequest(List.of(new FieldProblem(e.getParameterName(), "is required")));
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
    Throwable cause = e.getMostSpecificCause();
    // the Jackson exception with the path may wrap the root cause (e.g. a DateTimeParseException)
    for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
      if (t instanceof DatabindException bind && !bind.getPath().isEmpty()) {
        return badRequest(List.of(new FieldProblem(pathOf(bind), "has the wrong type or format")));
      }
    }
    if (cause instanceof JacksonException) {
      return badRequest(List.of(new FieldProblem("body", "is not valid JSON")));
    }
    return badRequest(List.of(new FieldProblem("body", "is missing or unreadable")));
  }

  @ExceptionHandler(NotFoundException.class)
  ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, e.getMessage());
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ResponseEntity<ProblemDetail> noResource(NoResourceFoundException e) {
    return problem(HttpStatus.NOT_FOUND, "no such resource");
  }

  @ExceptionHandler({ConflictException.class, DuplicateKeyException.class})
  ResponseEntity<ProblemDetail> conflict(RuntimeException e) {
    String detail =
        e instanceof ConflictException ? e.getMessage() : "a record with the same key exists";
    return problem(HttpStatus.CONFLICT, detail);
  }

  @ExceptionHandler(AccessDeniedException.class)
  ResponseEntity<ProblemDetail> forbidden(AccessDeniedException e) {
    return problem(HttpStatus.FORBIDDEN, "your role does not allow this");
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e) {
    return problem(HttpStatus.METHOD_NOT_ALLOWED, e.getMessage());
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
    return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "send application/json");
  }

  @ExceptionHandler(UpstreamException.class)
  ResponseEntity<ProblemDetail> upstream(UpstreamException e) {
    log.warn("Remote system failed: {}", e.getMessage());
    ResponseEntity<ProblemDetail> answer = problem(HttpStatus.BAD_GATEWAY, e.getMessage());
    answer.getBody().setProperty("code", e.code());
    answer.getBody().setProperty("hint", e.hint());
    return answer;
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e) {
    // the class and message only: stack traces and values could carry PHI into the client
    log.error("Unexpected API error: {}", e.getClass().getName(), e);
    return problem(HttpStatus.INTERNAL_SERVER_ERROR, "unexpected error; see the server log");
  }

  public static ResponseEntity<ProblemDetail> badRequest(List<FieldProblem> problems) {
    ProblemDetail body = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
    body.setType(URI.create("https://practice-studio.example/problems/invalid-request"));
    body.setTitle("Invalid request");
    body.setDetail(
        "invalid: " + String.join(", ", problems.stream().map(FieldProblem::field).toList()));
    body.setProperty("errors", problems);
    return ResponseEntity.badRequest().contentType(PROBLEM).body(body);
  }

  public static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
    ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
    body.setTitle(status.getReasonPhrase());
    return ResponseEntity.status(status).contentType(PROBLEM).body(body);
  }

  private static String pathOf(DatabindException e) {
    StringBuilder path = new StringBuilder();
    for (var ref : e.getPath()) {
      if (ref.getPropertyName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(ref.getPropertyName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.isEmpty() ? "body" : path.toString();
  }

  private static String messageOf(String message) {
    return message == null ? "is invalid" : message;
  }
}
