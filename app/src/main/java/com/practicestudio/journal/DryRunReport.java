package com.practicestudio.journal;

import java.util.List;

/**
 * What reprocessing one row would do, found by running its handler in a transaction that is then
 * rolled back. Nothing about the row changes.
 *
 * @param outcome the status the row would reach ({@code APPLIED}, {@code DELIVERED}, {@code
 *     IGNORED}, {@code FAILED}) or {@code RETRY}
 * @param changes what the handler reported it changes (record and field names, no values)
 */
public record DryRunReport(
    long exchangeId, String outcome, String errorCode, String errorText, List<Change> changes) {}
