package com.practicestudio.sandbox.data;

/** A change named a version that is no longer current. */
public class VersionConflictException extends RuntimeException {
  public VersionConflictException(String what, int expected, int current) {
    super(what + " is at version " + current + ", not " + expected);
  }
}
