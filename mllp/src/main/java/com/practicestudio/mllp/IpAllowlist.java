package com.practicestudio.mllp;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The peer addresses a listener accepts, as CIDR blocks ({@code 10.0.0.0/8}, {@code 2001:db8::/32})
 * or single addresses ({@code 192.0.2.7}, {@code ::1}). Entries are IP literals only: no host
 * names, so no DNS lookups. An IPv4 entry matches IPv4 peers only, an IPv6 entry IPv6 peers only
 * (IPv4-mapped IPv6 peers count as IPv4).
 */
public final class IpAllowlist {
  private static final Pattern IPV4 =
      Pattern.compile(
          "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

  private static final IpAllowlist ALLOW_ALL = new IpAllowlist(List.of(), true);

  private record Block(String text, byte[] network, int prefix) {}

  private final List<Block> blocks;
  private final boolean allowAll;

  private IpAllowlist(List<Block> blocks, boolean allowAll) {
    this.blocks = blocks;
    this.allowAll = allowAll;
  }

  /** Accepts every peer. */
  public static IpAllowlist allowAll() {
    return ALLOW_ALL;
  }

  /**
   * Parses the entries. An empty list accepts no one.
   *
   * @throws IllegalArgumentException naming the first entry that is not an IP literal or CIDR
   *     block, or whose address has bits set beyond the prefix
   */
  public static IpAllowlist of(Collection<String> entries) {
    List<Block> blocks = new ArrayList<>(entries.size());
    for (String entry : entries) {
      blocks.add(parse(entry));
    }
    return new IpAllowlist(List.copyOf(blocks), false);
  }

  public static IpAllowlist of(String... entries) {
    return of(Arrays.asList(entries));
  }

  public boolean allows(InetAddress address) {
    if (allowAll) {
      return true;
    }
    byte[] bytes = address.getAddress();
    for (Block block : blocks) {
      if (block.network.length == bytes.length && matches(block.network, bytes, block.prefix)) {
        return true;
      }
    }
    return false;
  }

  /** The entries as given, or {@code [*]} for {@link #allowAll()}. */
  public List<String> entries() {
    return allowAll ? List.of("*") : blocks.stream().map(Block::text).toList();
  }

  @Override
  public String toString() {
    return "IpAllowlist" + entries();
  }

  private static Block parse(String entry) {
    if (entry == null || entry.isBlank()) {
      throw new IllegalArgumentException("allowlist entry is empty");
    }
    String text = entry.strip();
    int slash = text.indexOf('/');
    String addressText = slash < 0 ? text : text.substring(0, slash);
    byte[] network = literal(addressText, text);
    int bits = network.length * 8;
    int prefix = slash < 0 ? bits : prefix(text.substring(slash + 1), bits, text);
    if (!hostBitsClear(network, prefix)) {
      throw new IllegalArgumentException(
          "allowlist entry '" + text + "' has address bits set beyond the /" + prefix + " prefix");
    }
    return new Block(text, network, prefix);
  }

  private static byte[] literal(String addressText, String entry) {
    if (!IPV4.matcher(addressText).matches() && !IPV6.matcher(addressText).matches()) {
      throw new IllegalArgumentException(
          "allowlist entry '" + entry + "' is not an IP address or CIDR block");
    }
    try {
      return InetAddress.getByName(addressText).getAddress();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(
          "allowlist entry '" + entry + "' is not an IP address or CIDR block", e);
    }
  }

  private static int prefix(String text, int bits, String entry) {
    try {
      int prefix = Integer.parseInt(text);
      if (prefix >= 0 && prefix <= bits && !text.startsWith("+")) {
        return prefix;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        "allowlist entry '" + entry + "' has a prefix length outside 0.." + bits);
  }

  private static boolean hostBitsClear(byte[] network, int prefix) {
    for (int bit = prefix; bit < network.length * 8; bit++) {
      if ((network[bit / 8] & (0x80 >>> (bit % 8))) != 0) {
        return false;
      }
    }
    return true;
  }

  private static boolean matches(byte[] network, byte[] address, int prefix) {
    int fullBytes = prefix / 8;
    for (int i = 0; i < fullBytes; i++) {
      if (network[i] != address[i]) {
        return false;
      }
    }
    int rest = prefix % 8;
    if (rest == 0) {
      return true;
    }
    int mask = (0xFF << (8 - rest)) & 0xFF;
    return (network[fullBytes] & mask) == (address[fullBytes] & mask);
  }
}
