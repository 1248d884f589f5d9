package com.practicestudio.codemaps;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Code map cache and the report of codes without a mapping.
 *
 * @param refreshInterval how often a node checks whether another node changed the maps (its own
 *     changes show at once)
 * @param missFlushInterval how often a node writes the codes it found no mapping for (counted in
 *     memory in between, and written once more at shutdown)
 */
@ConfigurationProperties("practice-studio.code-maps")
public record CodeMapsProperties(
    @DefaultValue("5s") Duration refreshInterval,
    @DefaultValue(CodeMapsProperties.MISS_FLUSH_INTERVAL) Duration missFlushInterval) {

  static final String MISS_FLUSH_INTERVAL = "5s";
}
