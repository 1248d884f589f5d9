package com.practicestudio.codemaps;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Code map cache.
 *
 * @param refreshInterval how often a node checks whether another node changed the maps (its own
 *     changes show at once)
 */
@ConfigurationProperties("practice-studio.code-maps")
public record CodeMapsProperties(@DefaultValue("5s") Duration refreshInterval) {}
