package com.practicestudio.sandbox.auth;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A SMART resource scope in v1 form ({@code system/Patient.read}, {@code
 * patient/Observation.write}) or v2 form ({@code user/Appointment.cud}, {@code system/Slot.rs}).
 * Wildcards ({@code *}) are not accepted, as Cerner does not grant them.
 */
public record SmartScope(Context context, String resourceType, Set<Permission> permissions) {

  /** Whose data the scope reaches. */
  public enum Context {
    PATIENT,
    USER,
    SYSTEM
  }

  /** The SMART v2 permission letters. */
  public enum Permission {
    C,
    R,
    U,
    D,
    S
  }

  private static final Pattern FORM =
      Pattern.compile("^(patient|user|system)/([A-Z][A-Za-z]+)\\.(read|write|c?r?u?d?s?)$");

  public SmartScope {
    permissions = Set.copyOf(permissions);
  }

  /** Parses a resource scope; empty when the text is not one (launch, openid, wildcards...). */
  public static Optional<SmartScope> parse(String text) {
    Matcher match = FORM.matcher(text);
    if (!match.matches() || match.group(3).isEmpty()) {
      return Optional.empty();
    }
    Context context = Context.valueOf(match.group(1).toUpperCase(Locale.ROOT));
    Set<Permission> permissions =
        switch (match.group(3)) {
          case "read" -> EnumSet.of(Permission.R, Permission.S);
          case "write" -> EnumSet.of(Permission.C, Permission.U, Permission.D);
          default -> letters(match.group(3));
        };
    return Optional.of(new SmartScope(context, match.group(2), permissions));
  }

  private static Set<Permission> letters(String letters) {
    Set<Permission> permissions = EnumSet.noneOf(Permission.class);
    for (char letter : letters.toCharArray()) {
      permissions.add(Permission.valueOf(String.valueOf(letter).toUpperCase(Locale.ROOT)));
    }
    return permissions;
  }

  /** Whether this scope grants {@code permission} on {@code type}. */
  public boolean grants(String type, Permission permission) {
    return resourceType.equals(type) && permissions.contains(permission);
  }

  /** Whether everything this scope grants is also granted by {@code other}. */
  public boolean within(SmartScope other) {
    return context == other.context
        && resourceType.equals(other.resourceType)
        && other.permissions.containsAll(permissions);
  }
}
