package com.practicestudio.journal;

import org.springframework.context.ApplicationContext;

/**
 * Drives a server's journal step by step, for integration tests whose context does not start the
 * workers ({@code practice-studio.journal.workers.enabled=false}): what is due is claimed and
 * applied in the calling thread, in groups as the workers would.
 */
public final class JournalSteps {

  private JournalSteps() {}

  /** Applies every due row; answers how many ran. */
  public static int runDue(ApplicationContext context) {
    return context.getBean(WorkerPool.class).runDue();
  }
}
