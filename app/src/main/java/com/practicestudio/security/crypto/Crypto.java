package com.practicestudio.security.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM encryption at rest. A sealed value is {@code [1][key id: 4 bytes][iv: 12][ciphertext
 * + tag]}; the key id lets old values be read while {@code key rotate} re-encrypts them. The
 * associated data names the column ({@code table.column}) so a value moved to another column fails
 * to open.
 */
public final class Crypto {

  private static final byte FORMAT = 1;
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  /**
   * One cipher per thread, initialised afresh for every value: {@code Cipher.getInstance} looks the
   * provider up each time, which cost more than sealing a 1 KB message.
   */
  private static final ThreadLocal<Cipher> CIPHERS =
      ThreadLocal.withInitial(
          () -> {
            try {
              return Cipher.getInstance("AES/GCM/NoPadding");
            } catch (GeneralSecurityException e) {
              throw new CryptoException("AES/GCM is not available", e);
            }
          });

  private volatile KeyRing keys;

  public Crypto(KeyRing keys) {
    this.keys = keys;
  }

  public byte[] seal(byte[] plaintext, String context) {
    if (plaintext == null) {
      return null;
    }
    KeyRing ring = keys;
    byte[] iv = new byte[IV_BYTES];
    RANDOM.nextBytes(iv);
    try {
      Cipher cipher = CIPHERS.get();
      cipher.init(Cipher.ENCRYPT_MODE, ring.active(), new GCMParameterSpec(TAG_BITS, iv));
      cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
      // the ciphertext goes straight after the header: no second copy of the message
      byte[] sealed = new byte[1 + 4 + IV_BYTES + cipher.getOutputSize(plaintext.length)];
      ByteBuffer.wrap(sealed).put(FORMAT).put(HexFormat.of().parseHex(ring.activeId())).put(iv);
      int written = cipher.doFinal(plaintext, 0, plaintext.length, sealed, 1 + 4 + IV_BYTES);
      return written == sealed.length - (1 + 4 + IV_BYTES)
          ? sealed
          : Arrays.copyOf(sealed, 1 + 4 + IV_BYTES + written);
    } catch (GeneralSecurityException e) {
      throw new CryptoException("encryption failed for " + context, e);
    }
  }

  public byte[] open(byte[] sealed, String context) {
    if (sealed == null) {
      return null;
    }
    if (sealed.length < 1 + 4 + IV_BYTES + TAG_BITS / 8 || sealed[0] != FORMAT) {
      throw new CryptoException("not a sealed value in " + context);
    }
    String keyId = HexFormat.of().formatHex(sealed, 1, 5);
    try {
      Cipher cipher = CIPHERS.get();
      cipher.init(
          Cipher.DECRYPT_MODE,
          keys.byId(keyId),
          new GCMParameterSpec(TAG_BITS, sealed, 5, IV_BYTES));
      cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
      return cipher.doFinal(sealed, 5 + IV_BYTES, sealed.length - 5 - IV_BYTES);
    } catch (GeneralSecurityException e) {
      throw new CryptoException("decryption failed for " + context + " (wrong key or tampered)", e);
    }
  }

  public byte[] sealText(String plaintext, String context) {
    return plaintext == null ? null : seal(plaintext.getBytes(StandardCharsets.UTF_8), context);
  }

  public String openText(byte[] sealed, String context) {
    byte[] plain = open(sealed, context);
    return plain == null ? null : new String(plain, StandardCharsets.UTF_8);
  }

  /** The id of the key a sealed value was written with. */
  public static String keyIdOf(byte[] sealed) {
    return HexFormat.of().formatHex(sealed, 1, 5);
  }

  public String activeKeyId() {
    return keys.activeId();
  }

  /** Swaps the key ring (used by key rotation while the process runs). */
  public void use(KeyRing ring) {
    this.keys = ring;
  }

  public KeyRing keyRing() {
    return keys;
  }
}
