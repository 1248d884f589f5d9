package com.practicestudio.security;

import static com.practicestudio.security.Permission.DISCARD;
import static com.practicestudio.security.Permission.MAPPINGS_WRITE;
import static com.practicestudio.security.Permission.PHI_READ;
import static com.practicestudio.security.Permission.RECORDS_READ;
import static com.practicestudio.security.Permission.RECORDS_WRITE;
import static com.practicestudio.security.Permission.REPROCESS;
import static com.practicestudio.security.Permission.SETTINGS_WRITE;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** The four roles and what each may do: least privilege, decided here only. */
public enum Role {
  ADMIN(EnumSet.allOf(Permission.class)),
  ENGINEER(
      EnumSet.of(
          RECORDS_READ,
          RECORDS_WRITE,
          PHI_READ,
          SETTINGS_WRITE,
          MAPPINGS_WRITE,
          REPROCESS,
          DISCARD)),
  OPERATOR(EnumSet.of(RECORDS_READ, RECORDS_WRITE, PHI_READ, REPROCESS, DISCARD)),
  VIEWER(EnumSet.of(RECORDS_READ));

  private final Set<Permission> permissions;

  Role(Set<Permission> permissions) {
    this.permissions = permissions;
  }

  public Set<Permission> permissions() {
    return permissions;
  }

  public boolean can(Permission permission) {
    return permissions.contains(permission);
  }

  public List<GrantedAuthority> authorities() {
    List<GrantedAuthority> authorities = new ArrayList<>();
    authorities.add(new SimpleGrantedAuthority("ROLE_" + name()));
    permissions.forEach(p -> authorities.add(new SimpleGrantedAuthority(p.name())));
    return authorities;
  }

  public static Role parse(String text) {
    try {
      return Role.valueOf(text.trim().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new com.practicestudio.web.InvalidRequestException(
          "role", "must be one of ADMIN, ENGINEER, OPERATOR, VIEWER");
    }
  }
}
