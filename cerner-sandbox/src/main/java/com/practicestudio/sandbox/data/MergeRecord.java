package com.practicestudio.sandbox.data;

import java.time.Instant;

/** A person combine: {@code fromPersonId} was merged into the survivor {@code toPersonId}. */
public record MergeRecord(long fromPersonId, long toPersonId, Instant mergedAt) {}
