package com.practicestudio.sandbox.data;

/** A person's current name. {@code middle} and {@code suffix} may be null. */
public record PersonName(String family, String given, String middle, String suffix) {

  public String formatted() {
    StringBuilder text = new StringBuilder(family).append(", ").append(given);
    if (middle != null) {
      text.append(' ').append(middle);
    }
    if (suffix != null) {
      text.append(' ').append(suffix);
    }
    return text.toString();
  }
}
