package com.practicestudio.clinical;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Clinical settings.
 *
 * @param maxDocumentSize the largest document content accepted (decoded size)
 */
@ConfigurationProperties("practice-studio.clinical")
public record ClinicalProperties(@DefaultValue("20MB") DataSize maxDocumentSize) {}
