package com.practicestudio.codemaps;

import java.util.List;

/**
 * What a CSV import did: good rows went in, bad ones are listed with their line numbers.
 *
 * @param unchanged rows that matched a mapping exactly
 */
public record ImportReport(int inserted, int updated, int unchanged, List<RowError> errors) {

  /**
   * A row that was not imported.
   *
   * @param line the line number in the file (the header is line 1)
   * @param field the CSV column at fault, or {@code row} for the row as a whole
   */
  public record RowError(long line, String field, String message) {}
}
