package com.practicestudio.security.crypto;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Where the key ring is kept: a file we manage, or one key given by a setting. */
public sealed interface MasterKeySource {

  KeyRing load();

  static MasterKeySource file(Path path) {
    return new File(path);
  }

  static MasterKeySource inline(String base64Key) {
    return new Inline(base64Key);
  }

  record File(Path path) implements MasterKeySource {
    @Override
    public KeyRing load() {
      return KeyRing.loadOrCreate(path);
    }

    public void save(List<byte[]> rawKeys) throws IOException {
      KeyRing.write(path, rawKeys);
    }
  }

  record Inline(String base64Key) implements MasterKeySource {
    @Override
    public KeyRing load() {
      return KeyRing.ofBase64(base64Key);
    }
  }
}
