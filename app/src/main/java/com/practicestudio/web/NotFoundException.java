package com.practicestudio.web;

/** An id that names nothing; answered 404. */
public class NotFoundException extends RuntimeException {

  public NotFoundException(String kind, Object id) {
    super("no " + kind + " with id " + id);
  }
}
