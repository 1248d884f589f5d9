package com.practicestudio.ops.errors;

/**
 * What a bulk action did to one selected row, for the report on the page.
 *
 * @param done true when the row was reprocessed or discarded, false when it was refused
 * @param note what happened, or why the row was refused (ids and statuses only, no message data)
 */
record RowOutcome(long id, boolean done, String note) {

  static RowOutcome done(long id, String note) {
    return new RowOutcome(id, true, note);
  }

  static RowOutcome refused(long id, String reason) {
    return new RowOutcome(id, false, reason);
  }
}
