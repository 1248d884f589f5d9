package com.practicestudio.cerner;

/** Published after a domain's settings, key or discovered endpoints changed (and committed). */
public record CernerDomainChanged(long domainId) {}
