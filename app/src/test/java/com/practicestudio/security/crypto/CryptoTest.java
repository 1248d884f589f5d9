package com.practicestudio.security.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CryptoTest {

  @TempDir Path dir;

  @Test
  void sealed_values_open_to_the_same_bytes_and_do_not_contain_them() {
    Crypto crypto = new Crypto(KeyRing.of(List.of(KeyRing.newKey())));
    byte[] plain = "123-45-6789".getBytes(StandardCharsets.UTF_8);
    byte[] sealed = crypto.seal(plain, "patient.ssn");
    assertThat(crypto.open(sealed, "patient.ssn")).isEqualTo(plain);
    assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("123-45-6789");
    assertThat(crypto.seal(plain, "patient.ssn")).isNotEqualTo(sealed); // fresh IV each time
  }

  @Test
  void a_value_moved_to_another_column_does_not_open() {
    Crypto crypto = new Crypto(KeyRing.of(List.of(KeyRing.newKey())));
    byte[] sealed = crypto.sealText("secret", "cerner_domain.client_secret");
    assertThatThrownBy(() -> crypto.open(sealed, "patient.ssn"))
        .isInstanceOf(CryptoException.class)
        .hasMessageNotContaining("secret\"");
  }

  @Test
  void a_tampered_value_does_not_open() {
    Crypto crypto = new Crypto(KeyRing.of(List.of(KeyRing.newKey())));
    byte[] sealed = crypto.sealText("payload", "exchange_payload.body");
    sealed[sealed.length - 1] ^= 1;
    assertThatThrownBy(() -> crypto.open(sealed, "exchange_payload.body"))
        .isInstanceOf(CryptoException.class);
  }

  @Test
  void a_failed_open_leaves_the_threads_cipher_fit_for_the_next_value() {
    Crypto crypto = new Crypto(KeyRing.of(List.of(KeyRing.newKey())));
    byte[] good = crypto.sealText("first", "exchange_payload.body");
    byte[] bad = crypto.sealText("second", "exchange_payload.body");
    bad[bad.length - 1] ^= 1;

    assertThatThrownBy(() -> crypto.open(bad, "exchange_payload.body"))
        .isInstanceOf(CryptoException.class);
    assertThat(crypto.openText(good, "exchange_payload.body")).isEqualTo("first");
    byte[] again = crypto.sealText("first", "exchange_payload.body");
    assertThat(again).as("a fresh nonce every time").isNotEqualTo(good);
    assertThat(crypto.openText(again, "exchange_payload.body")).isEqualTo("first");
  }

  @Test
  void old_values_open_after_a_new_key_is_added_and_new_values_use_the_new_key() {
    byte[] oldKey = KeyRing.newKey();
    byte[] newKey = KeyRing.newKey();
    Crypto crypto = new Crypto(KeyRing.of(List.of(oldKey)));
    byte[] sealedOld = crypto.sealText("x", "t.c");
    crypto.use(KeyRing.of(List.of(oldKey, newKey)));
    assertThat(crypto.openText(sealedOld, "t.c")).isEqualTo("x");
    byte[] sealedNew = crypto.sealText("y", "t.c");
    assertThat(Crypto.keyIdOf(sealedNew)).isEqualTo(KeyRing.idOf(newKey));
    assertThat(Crypto.keyIdOf(sealedOld)).isEqualTo(KeyRing.idOf(oldKey));
  }

  @Test
  void the_key_file_is_created_owner_only_and_read_back_the_same() throws Exception {
    Path file = dir.resolve("master.key");
    KeyRing first = KeyRing.loadOrCreate(file);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    KeyRing again = KeyRing.loadOrCreate(file);
    assertThat(again.activeId()).isEqualTo(first.activeId());
    Crypto a = new Crypto(first);
    assertThat(new Crypto(again).openText(a.sealText("z", "t.c"), "t.c")).isEqualTo("z");
  }

  @Test
  void a_key_of_the_wrong_length_is_refused() {
    assertThatThrownBy(() -> KeyRing.ofBase64("c2hvcnQ="))
        .isInstanceOf(CryptoException.class)
        .hasMessageContaining("32 bytes");
  }
}
