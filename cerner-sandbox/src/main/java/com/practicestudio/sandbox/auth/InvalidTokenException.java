package com.practicestudio.sandbox.auth;

/** A bearer token that is missing, malformed, badly signed, expired or revoked. */
public class InvalidTokenException extends Exception {
  public InvalidTokenException(String message) {
    super(message);
  }
}
