package com.practicestudio.sandbox.auth;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Counts the tokens granted, by grant type (client_credentials, authorization_code, ...). */
public final class GrantCounter {

  private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();

  void count(String grantType) {
    counts.computeIfAbsent(grantType, type -> new AtomicLong()).incrementAndGet();
  }

  public long granted(String grantType) {
    AtomicLong value = counts.get(grantType);
    return value == null ? 0 : value.get();
  }

  /** Grant type → tokens granted, sorted by grant type. */
  public Map<String, Long> snapshot() {
    Map<String, Long> copy = new TreeMap<>();
    counts.forEach((type, value) -> copy.put(type, value.get()));
    return copy;
  }

  public void reset() {
    counts.clear();
  }
}
