package com.practicestudio.sandbox.sftp;

import java.nio.file.Path;
import java.util.List;

/**
 * How the sandbox's SSH server is set up.
 *
 * @param port the port, 0 for a free one
 * @param host the address to listen on
 * @param workDir where the host key is kept ({@code sftp-host-key}, {@code sftp-host-key.pub}) so
 *     it survives restarts; null for a temporary folder (a new key each start)
 * @param root the folder holding one folder per user; null for {@code <workDir>/sftp} (with no work
 *     dir, a temporary folder removed at close)
 * @param defaultUser the user printed at start
 * @param users further users (see {@link SftpUsers} for the JSON form)
 */
public record SftpSettings(
    int port, String host, Path workDir, Path root, SftpUser defaultUser, List<SftpUser> users) {

  public SftpSettings {
    users = List.copyOf(users);
  }

  /** The default user and the others, the default first. */
  public List<SftpUser> allUsers() {
    List<SftpUser> all = new java.util.ArrayList<>();
    all.add(defaultUser);
    users.stream()
        .filter(user -> !user.username().equals(defaultUser.username()))
        .forEach(all::add);
    return all;
  }
}
