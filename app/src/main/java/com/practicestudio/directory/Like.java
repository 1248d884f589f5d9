package com.practicestudio.directory;

/** LIKE patterns from user text, with the wildcards in it escaped ({@code ESCAPE '\'}). */
final class Like {

  private Like() {}

  static String prefix(String text) {
    return escape(text) + "%";
  }

  static String contains(String text) {
    return "%" + escape(text) + "%";
  }

  private static String escape(String text) {
    return text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
