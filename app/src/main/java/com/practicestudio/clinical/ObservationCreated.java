package com.practicestudio.clinical;

/**
 * Published inside the transaction that creates an observation; listen with {@code @EventListener}
 * (see the package documentation). {@code observation().sendToCerner()} says whether it is to go to
 * Cerner.
 */
public record ObservationCreated(Observation observation) {}
