package com.practicestudio.directory;

/**
 * Provider search filters; null matches everything.
 *
 * @param lastName case-insensitive prefix
 */
public record ProviderQuery(String npi, String externalId, String lastName, Boolean active) {

  public static ProviderQuery all() {
    return new ProviderQuery(null, null, null, null);
  }
}
