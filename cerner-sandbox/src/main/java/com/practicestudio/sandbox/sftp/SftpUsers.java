package com.practicestudio.sandbox.sftp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;

/**
 * Reads SFTP users from a JSON file:
 *
 * <pre>{@code
 * {"users": [
 *   {"username": "cerner", "password": "s3cret"},
 *   {"username": "batch", "publicKeys": ["ssh-ed25519 AAAA... batch@host"],
 *    "publicKeyFiles": ["/home/batch/.ssh/id_rsa.pub"]}
 * ]}
 * }</pre>
 *
 * Relative key files are resolved against the JSON file's folder. Keys are in OpenSSH {@code
 * authorized_keys} form (RSA, ECDSA; Ed25519 needs an EdDSA provider on the class path).
 */
public final class SftpUsers {

  private SftpUsers() {}

  public static List<SftpUser> load(Path file) throws IOException {
    JsonNode root = new ObjectMapper().readTree(file.toFile());
    List<SftpUser> users = new ArrayList<>();
    int index = 0;
    for (JsonNode node : root.path("users")) {
      users.add(user(node, index++, file.toAbsolutePath().getParent()));
    }
    if (users.isEmpty()) {
      throw new IOException(file + ": no users (expected {\"users\": [...]})");
    }
    return users;
  }

  private static SftpUser user(JsonNode node, int index, Path base) throws IOException {
    String field = "users[" + index + "]";
    String username = node.path("username").asText(null);
    if (username == null) {
      throw new IOException(field + ".username is missing");
    }
    List<PublicKey> keys = new ArrayList<>();
    for (JsonNode key : node.path("publicKeys")) {
      keys.add(parseKey(key.asText(), field + ".publicKeys"));
    }
    for (JsonNode keyFile : node.path("publicKeyFiles")) {
      for (String line : Files.readAllLines(base.resolve(keyFile.asText()))) {
        if (!line.isBlank() && !line.startsWith("#")) {
          keys.add(parseKey(line, field + ".publicKeyFiles"));
        }
      }
    }
    String password = node.path("password").asText(null);
    if (password == null && keys.isEmpty()) {
      throw new IOException(field + " needs a password or at least one public key");
    }
    try {
      return new SftpUser(username, password, keys);
    } catch (IllegalArgumentException e) {
      throw new IOException(field + ".username: " + e.getMessage(), e);
    }
  }

  /** Parses one OpenSSH public key line ({@code ssh-rsa AAAA... comment}). */
  public static PublicKey parseKey(String line, String field) throws IOException {
    try {
      return AuthorizedKeyEntry.parseAuthorizedKeyEntry(line.trim())
          .resolvePublicKey(null, PublicKeyEntryResolver.FAILING);
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      throw new IOException(field + ": not an OpenSSH public key", e);
    }
  }
}
