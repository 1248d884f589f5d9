package com.practicestudio.sandbox;

import com.practicestudio.sandbox.data.SandboxData;
import java.time.Clock;

/** What a {@link SandboxComponent} gets: the options, the domain, the clock and the URLs. */
public record SandboxContext(
    SandboxOptions options, SandboxData data, Clock clock, SandboxUrls urls) {}
