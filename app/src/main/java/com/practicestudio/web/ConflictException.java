package com.practicestudio.web;

/** A request that clashes with the current state (duplicate key, wrong status); answered 409. */
public class ConflictException extends RuntimeException {

  public ConflictException(String message) {
    super(message);
  }
}
