package com.practicestudio.directory;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Providers and locations.
 *
 * @param defaultTimeZone IANA time zone of a location created without one (e.g. from an HL7 message
 *     that names only the location's code)
 */
@ConfigurationProperties("practice-studio.directory")
public record DirectoryProperties(@DefaultValue("America/Chicago") String defaultTimeZone) {}
