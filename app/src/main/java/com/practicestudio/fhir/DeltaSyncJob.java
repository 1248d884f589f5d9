package com.practicestudio.fhir;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Clock;
import java.time.Instant;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Runs {@link CernerDeltaSync} for every enabled domain on a cron schedule, cluster-safe: a
 * db-scheduler recurring task, so that of all nodes on one database exactly one runs each
 * execution. The scheduler starts once the application is ready (after Flyway) and stops with it.
 */
@Component
class DeltaSyncJob {

  private static final Logger log = LoggerFactory.getLogger(DeltaSyncJob.class);

  private final DataSource dataSource;
  private final CernerDeltaSync sync;
  private final CernerGateway gateway;
  private final FhirSyncProperties settings;
  private final Clock clock;
  private Scheduler scheduler;

  DeltaSyncJob(
      DataSource dataSource,
      CernerDeltaSync sync,
      CernerGateway gateway,
      FhirSyncProperties settings,
      Clock clock) {
    this.dataSource = dataSource;
    this.sync = sync;
    this.gateway = gateway;
    this.settings = settings;
    this.clock = clock;
  }

  @EventListener(ApplicationReadyEvent.class)
  synchronized void start() {
    if (!settings.enabled() || scheduler != null) {
      return;
    }
    RecurringTask<Void> task =
        Tasks.recurring("cerner-delta-sync", Schedules.cron(settings.cron(), settings.zone()))
            .execute((instance, context) -> runAll());
    scheduler =
        Scheduler.create(dataSource)
            .startTasks(task)
            .threads(1)
            .pollingInterval(settings.pollInterval())
            .build();
    scheduler.start();
  }

  @EventListener(ContextClosedEvent.class)
  synchronized void stop() {
    if (scheduler != null) {
      scheduler.stop();
      scheduler = null;
    }
  }

  /** One run: every enabled domain, appointments in [now − lookBack, now + lookAhead). */
  void runAll() {
    Instant now = clock.instant();
    for (FhirEndpoint domain : gateway.all()) {
      try {
        SyncReport report =
            sync.sync(
                domain.domainId(),
                sync.knownLocations(),
                now.minus(settings.lookBack()),
                now.plus(settings.lookAhead()));
        log.info(
            "Cerner delta sync of domain {}: {} recorded, {} unchanged",
            domain.domainId(),
            report.recorded(),
            report.unchanged());
      } catch (CernerFhirException e) {
        log.warn("Cerner delta sync of domain {} failed: {}", domain.domainId(), e.error().code());
      }
    }
  }
}
