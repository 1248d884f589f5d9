package com.practicestudio.journal;

import java.util.List;

/**
 * What a (bulk) reprocess did.
 *
 * @param requeued rows put back in line (none in a dry run)
 * @param skipped rows left alone, with why (absent, or a status that cannot be reprocessed)
 * @param dryRuns per-row reports of a dry run
 * @param truncated true when the filter matched more rows than one request may take
 */
public record ReprocessResult(
    List<Long> requeued, List<Skipped> skipped, List<DryRunReport> dryRuns, boolean truncated) {

  public record Skipped(long id, String reason) {}
}
