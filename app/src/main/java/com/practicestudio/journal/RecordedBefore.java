package com.practicestudio.journal;

/** The row a control id was recorded under before, and what that message said. */
record RecordedBefore(Recorded recorded, String contentKey) {}
