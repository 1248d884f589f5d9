package com.practicestudio.codemaps;

import java.time.Instant;

/**
 * A code that a channel sent and no code map translated: how often, when first and last, and the
 * latest journal row that carried it (to reprocess once the mapping exists).
 *
 * @param scope the interface or Cerner domain whose maps were asked; null for the default maps
 * @param codeSystem the system the message named (normalised), else the field's table; may be null
 * @param lastExchangeId null when the channel does not say which row carried the code
 */
public record CodeMapMiss(
    long id,
    CodeMapKind kind,
    String scope,
    String codeSystem,
    String code,
    long times,
    Instant firstSeen,
    Instant lastSeen,
    Long lastExchangeId) {}
