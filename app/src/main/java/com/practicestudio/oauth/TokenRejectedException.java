package com.practicestudio.oauth;

/**
 * Thrown by a {@link TokenCall} when the resource server answered 401 to its token: {@link
 * AccessTokens#call} then drops the token, gets a fresh one and retries once.
 */
public class TokenRejectedException extends RuntimeException {

  public TokenRejectedException(String message) {
    super(message);
  }
}
