package com.practicestudio.sandbox.sftp;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.List;
import org.apache.sshd.common.config.keys.KeyUtils;

/**
 * A user of the sandbox's SSH server: a password (may be null for key-only users) and public keys
 * (may be empty for password-only users).
 */
public record SftpUser(String username, String password, List<PublicKey> publicKeys) {

  public SftpUser {
    if (username == null || !username.matches("[A-Za-z0-9._-]{1,64}")) {
      throw new IllegalArgumentException(
          "an SFTP user name needs 1 to 64 letters, digits, dots, dashes or underscores");
    }
    publicKeys = List.copyOf(publicKeys);
  }

  public static SftpUser withPassword(String username, String password) {
    return new SftpUser(username, password, List.of());
  }

  /** This user, also accepting a public key. */
  public SftpUser withKey(PublicKey key) {
    List<PublicKey> keys = new java.util.ArrayList<>(publicKeys);
    keys.add(key);
    return new SftpUser(username, password, keys);
  }

  boolean passwordMatches(String offered) {
    return password != null
        && offered != null
        && MessageDigest.isEqual(
            password.getBytes(StandardCharsets.UTF_8), offered.getBytes(StandardCharsets.UTF_8));
  }

  boolean keyMatches(PublicKey offered) {
    return publicKeys.stream().anyMatch(key -> KeyUtils.compareKeys(key, offered));
  }

  @Override
  public String toString() {
    return "SftpUser[" + username + ", " + publicKeys.size() + " keys]";
  }
}
