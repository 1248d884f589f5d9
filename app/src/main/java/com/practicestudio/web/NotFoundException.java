package com.practicestudio.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * An id that names nothing; answered 404 (problem+json by the API's handler, the error page in the
 * console).
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class NotFoundException extends RuntimeException {

  public NotFoundException(String kind, Object id) {
    super("no " + kind + " with id " + id);
  }
}
