package com.practicestudio.security.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256 master keys by id. The last key is the active one (used to encrypt); older keys stay
 * until {@code key rotate} has re-encrypted everything under the new one.
 *
 * <p>File format, one key a line: {@code <id>:<base64 key>}. The id is the first 8 hex digits of
 * the key's SHA-256, so the same key always has the same id.
 */
public final class KeyRing {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Map<String, SecretKey> keys;
  private final String activeId;

  private KeyRing(Map<String, SecretKey> keys) {
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("a key ring needs at least one key");
    }
    this.keys = Map.copyOf(keys);
    this.activeId = new ArrayList<>(keys.keySet()).get(keys.size() - 1);
  }

  public static KeyRing of(List<byte[]> rawKeys) {
    Map<String, SecretKey> keys = new LinkedHashMap<>();
    for (byte[] raw : rawKeys) {
      keys.put(idOf(raw), new SecretKeySpec(raw, "AES"));
    }
    return new KeyRing(keys);
  }

  public static KeyRing ofBase64(String base64Key) {
    byte[] raw = Base64.getDecoder().decode(base64Key.trim());
    requireAes256(raw);
    return of(List.of(raw));
  }

  /** Reads the key ring file, creating it with one fresh key (mode 0600) when absent. */
  public static KeyRing loadOrCreate(Path file) {
    try {
      if (!Files.exists(file)) {
        write(file, List.of(newKey()));
      }
      List<byte[]> raw = new ArrayList<>();
      for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        int colon = line.indexOf(':');
        byte[] key = Base64.getDecoder().decode(line.substring(colon + 1).trim());
        requireAes256(key);
        raw.add(key);
      }
      return of(raw);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the master key file " + file, e);
    }
  }

  /** Writes keys (oldest first, active last) atomically with owner-only permissions. */
  public static void write(Path file, List<byte[]> rawKeys) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.deleteIfExists(tmp);
    Files.createFile(
        tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    StringBuilder text =
        new StringBuilder("# Practice Studio master keys: the last line is active\n");
    for (byte[] raw : rawKeys) {
      text.append(idOf(raw))
          .append(':')
          .append(Base64.getEncoder().encodeToString(raw))
          .append('\n');
    }
    Files.writeString(tmp, text, StandardCharsets.US_ASCII);
    try {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  public static byte[] newKey() {
    byte[] key = new byte[32];
    RANDOM.nextBytes(key);
    return key;
  }

  public String activeId() {
    return activeId;
  }

  SecretKey active() {
    return keys.get(activeId);
  }

  SecretKey byId(String id) {
    SecretKey key = keys.get(id);
    if (key == null) {
      throw new CryptoException("no master key with id " + id + " in the key ring");
    }
    return key;
  }

  public List<byte[]> rawKeys() {
    return keys.values().stream().map(SecretKey::getEncoded).toList();
  }

  public List<String> ids() {
    return List.copyOf(keys.keySet());
  }

  static String idOf(byte[] raw) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(raw);
      return HexFormat.of().formatHex(digest, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void requireAes256(byte[] raw) {
    if (raw.length != 32) {
      throw new CryptoException("a master key must be 32 bytes (AES-256), got " + raw.length);
    }
  }
}
