package com.practicestudio.fhir;

/**
 * What a pull or sync read from Cerner.
 *
 * @param recorded resources recorded as new inbound rows (applied by the workers)
 * @param unchanged resources already recorded in this version (duplicates, not applied again)
 */
public record SyncReport(int recorded, int unchanged) {

  SyncReport plus(boolean duplicate) {
    return duplicate
        ? new SyncReport(recorded, unchanged + 1)
        : new SyncReport(recorded + 1, unchanged);
  }

  SyncReport plus(SyncReport other) {
    return new SyncReport(recorded + other.recorded, unchanged + other.unchanged);
  }

  static SyncReport empty() {
    return new SyncReport(0, 0);
  }
}
