package com.practicestudio.clinical;

/**
 * Published inside the transaction that creates a document; listen with {@code @EventListener} (see
 * the package documentation). It carries the metadata; read the content with {@link
 * DocumentService#content(long)} in the same transaction.
 */
public record DocumentCreated(ClinicalDocument document) {}
