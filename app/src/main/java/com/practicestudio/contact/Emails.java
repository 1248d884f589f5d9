package com.practicestudio.contact;

import java.util.regex.Pattern;

/** E-mail address checks: the shape a mail system would accept, not whether it exists. */
public final class Emails {

  private static final Pattern SHAPE =
      Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+", Pattern.UNICODE_CHARACTER_CLASS);

  private Emails() {}

  public static boolean isValid(String email) {
    return email != null && email.length() <= 254 && SHAPE.matcher(email).matches();
  }
}
