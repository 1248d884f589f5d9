package com.practicestudio.scheduling;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Scheduling settings.
 *
 * @param defaultTimeZone the zone appointments without a location (or whose location names no valid
 *     zone) are shown in
 */
@ConfigurationProperties("practice-studio.scheduling")
public record SchedulingProperties(@DefaultValue("America/Chicago") ZoneId defaultTimeZone) {}
