package com.practicestudio.fhir;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Cerner delta sync ({@code practice-studio.fhir.sync.*}).
 *
 * @param enabled whether this node takes part in running it (one node runs each execution)
 * @param cron when it runs (Spring cron, six fields), by default off-peak at 02:30
 * @param zone the time zone of {@code cron}
 * @param lookBack how far back appointments are read
 * @param lookAhead how far ahead appointments are read
 * @param pollInterval how often the scheduler looks for due executions
 */
@ConfigurationProperties("practice-studio.fhir.sync")
public record FhirSyncProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("0 30 2 * * *") String cron,
    @DefaultValue("America/Chicago") ZoneId zone,
    @DefaultValue("1d") Duration lookBack,
    @DefaultValue("30d") Duration lookAhead,
    @DefaultValue("30s") Duration pollInterval) {}
