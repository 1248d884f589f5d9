package com.practicestudio.contact;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How phone numbers are read.
 *
 * @param defaultRegion ISO 3166 region assumed for numbers written without a country code
 */
@ConfigurationProperties("practice-studio.phones")
public record PhoneProperties(@DefaultValue("US") String defaultRegion) {}
