package com.practicestudio.mllp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IpAllowlistTest {

  @ParameterizedTest(name = "{0} allows {1}: {2}")
  @CsvSource(
      delimiter = ';',
      textBlock =
          """
          # entry          ; peer                 ; allowed
          10.0.0.0/8       ; 10.200.3.4           ; true
          10.0.0.0/8       ; 11.0.0.1             ; false
          192.168.1.0/24   ; 192.168.1.255        ; true
          192.168.1.0/24   ; 192.168.2.1          ; false
          172.16.0.0/12    ; 172.31.255.255       ; true
          172.16.0.0/12    ; 172.32.0.0           ; false
          192.0.2.7        ; 192.0.2.7            ; true
          192.0.2.7        ; 192.0.2.8            ; false
          192.0.2.7/32     ; 192.0.2.7            ; true
          0.0.0.0/0        ; 203.0.113.9          ; true
          0.0.0.0/0        ; ::1                  ; false
          127.0.0.1        ; ::ffff:127.0.0.1     ; true
          ::1              ; ::1                  ; true
          ::1              ; 127.0.0.1            ; false
          2001:db8::/32    ; 2001:db8:ffff::1     ; true
          2001:db8::/32    ; 2001:db9::1          ; false
          fd00::/8         ; fdff::1              ; true
          ::/0             ; 2001:db8::1          ; true
          10.1.2.0/23      ; 10.1.3.200           ; true
          10.1.2.0/23      ; 10.1.4.1             ; false
          """)
  void matches_peers_against_cidr_blocks(String entry, String peer, boolean allowed)
      throws UnknownHostException {
    assertThat(IpAllowlist.of(entry).allows(InetAddress.getByName(peer))).isEqualTo(allowed);
  }

  @ParameterizedTest(name = "''{0}''")
  @CsvSource(
      delimiter = ';',
      textBlock =
          """
          # entry              ; the message names
          localhost            ; is not an IP address
          example.org/24       ; is not an IP address
          10.0.0.256           ; is not an IP address
          10.0.0               ; is not an IP address
          10.0.0.0/33          ; prefix length outside 0..32
          10.0.0.0/-1          ; prefix length outside 0..32
          10.0.0.0/x           ; prefix length outside 0..32
          2001:db8::/129       ; prefix length outside 0..128
          10.0.0.1/8           ; bits set beyond the /8 prefix
          2001:db8::1/32       ; bits set beyond the /32 prefix
          2001:::1             ; is not an IP address
          """)
  void refuses_entries_that_are_not_ip_literals_or_cidr_blocks(String entry, String message) {
    assertThatThrownBy(() -> IpAllowlist.of(entry))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'" + entry + "'")
        .hasMessageContaining(message);
  }

  @Test
  void an_empty_list_allows_no_one_and_allow_all_allows_everyone() throws UnknownHostException {
    InetAddress peer = InetAddress.getByName("198.51.100.1");

    assertThat(IpAllowlist.of(List.of()).allows(peer)).isFalse();
    assertThat(IpAllowlist.allowAll().allows(peer)).isTrue();
  }

  @Test
  void several_entries_allow_the_union() throws UnknownHostException {
    IpAllowlist list = IpAllowlist.of("10.0.0.0/8", " 192.0.2.7 ", "::1");

    assertThat(list.allows(InetAddress.getByName("10.9.9.9"))).isTrue();
    assertThat(list.allows(InetAddress.getByName("192.0.2.7"))).isTrue();
    assertThat(list.allows(InetAddress.getByName("::1"))).isTrue();
    assertThat(list.allows(InetAddress.getByName("192.0.2.8"))).isFalse();
    assertThat(list.entries()).containsExactly("10.0.0.0/8", "192.0.2.7", "::1");
  }
}
