package com.practicestudio.web;

import com.practicestudio.security.Permission;

/**
 * A console navigation link, declared as a bean by the feature that owns the page, so the menu
 * holds only pages that exist.
 *
 * @param section top-level group: {@code Records}, {@code Settings › Integrations}, {@code
 *     Operations}, {@code Administration}
 * @param label link text
 * @param path console path
 * @param order position within the section
 * @param permission needed to see the link; null for every signed-in user
 */
public record NavEntry(
    String section, String label, String path, int order, Permission permission) {

  public static final String RECORDS = "Records";
  public static final String INTEGRATIONS = "Settings › Integrations";
  public static final String OPERATIONS = "Operations";
  public static final String ADMINISTRATION = "Administration";
}
