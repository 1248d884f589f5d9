package com.practicestudio.security.crypto;

/** Encryption or decryption failed; never carries plaintext. */
public class CryptoException extends RuntimeException {
  public CryptoException(String message) {
    super(message);
  }

  public CryptoException(String message, Throwable cause) {
    super(message, cause);
  }
}
