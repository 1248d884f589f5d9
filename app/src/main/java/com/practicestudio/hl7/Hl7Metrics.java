package com.practicestudio.hl7;

import com.practicestudio.mllp.ConnectionInfo;
import com.practicestudio.mllp.ListenerEvents;
import com.practicestudio.mllp.MllpError;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * HL7 interface metrics: answers by outcome ({@code hl7.inbound.answers}), MLLP problems by code
 * ({@code hl7.mllp.problems}), answer latency from the end of a frame to the answer leaving ({@code
 * hl7.mllp.answer.latency}), and outbound deliveries ({@code hl7.outbound.deliveries}). Tags are
 * interface names, outcomes and codes — never content.
 */
final class Hl7Metrics {

  private final MeterRegistry registry;
  private final Map<String, Counter> counters = new ConcurrentHashMap<>();
  private final Map<String, Timer> timers = new ConcurrentHashMap<>();

  Hl7Metrics(MeterRegistry registry) {
    this.registry = registry;
  }

  void answered(String itf, String outcome) {
    counter("hl7.inbound.answers", itf, "outcome", outcome).increment();
  }

  void delivered(String itf, String outcome) {
    counter("hl7.outbound.deliveries", itf, "outcome", outcome).increment();
  }

  ListenerEvents events(String itf) {
    return new ListenerEvents() {
      @Override
      public void problem(ConnectionInfo peer, MllpError error, long bytes) {
        counter("hl7.mllp.problems", itf, "code", error.code()).increment();
      }

      @Override
      public void connectionRefused(InetSocketAddress remote, MllpError reason) {
        counter("hl7.mllp.problems", itf, "code", reason.code()).increment();
      }

      @Override
      public void answerSent(ConnectionInfo peer, int payloadBytes, long nanosSinceReceived) {
        timers
            .computeIfAbsent(
                itf,
                name ->
                    Timer.builder("hl7.mllp.answer.latency")
                        .tag("interface", name)
                        .publishPercentileHistogram()
                        .register(registry))
            .record(nanosSinceReceived, TimeUnit.NANOSECONDS);
      }
    };
  }

  private Counter counter(String name, String itf, String tag, String value) {
    return counters.computeIfAbsent(
        name + '\u0000' + itf + '\u0000' + value,
        k -> Counter.builder(name).tag("interface", itf).tag(tag, value).register(registry));
  }
}
