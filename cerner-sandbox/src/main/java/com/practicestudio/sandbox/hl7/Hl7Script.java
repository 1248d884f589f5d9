package com.practicestudio.sandbox.hl7;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A batch for the peer to send: literal messages (sent first, as given, line breaks turned into CR)
 * and generated ones, paced and pipelined, optionally misbehaving.
 *
 * @param target where to send
 * @param messages literal HL7 messages; they need not be valid (to test a receiver's refusals)
 * @param generate what to generate from the seeded domain
 * @param ratePerSecond at most this many messages a second, 0 for as fast as answers come
 * @param inFlight messages sent before waiting for their answers (pipelining), 1 to 1000
 * @param ackTimeout how long to wait for each answer
 * @param misbehaviour what to do wrong on purpose
 */
public record Hl7Script(
    Target target,
    List<String> messages,
    List<GenerateSpec> generate,
    double ratePerSecond,
    int inFlight,
    Duration ackTimeout,
    Misbehaviour misbehaviour) {

  public Hl7Script {
    Objects.requireNonNull(target, "target");
    messages = List.copyOf(messages);
    generate = List.copyOf(generate);
    if (messages.isEmpty() && generate.isEmpty()) {
      throw new IllegalArgumentException("a script needs messages or generate");
    }
    if (!(ratePerSecond >= 0) || ratePerSecond > 100_000) {
      throw new IllegalArgumentException("ratePerSecond must be 0 to 100000");
    }
    if (inFlight < 1 || inFlight > 1000) {
      throw new IllegalArgumentException("inFlight must be 1 to 1000, was " + inFlight);
    }
    Objects.requireNonNull(ackTimeout, "ackTimeout");
    if (ackTimeout.isZero() || ackTimeout.isNegative()) {
      throw new IllegalArgumentException("ackTimeout must be positive");
    }
    Objects.requireNonNull(misbehaviour, "misbehaviour");
  }

  public static Builder to(Target target) {
    return new Builder(target);
  }

  /** Builds a script: no pacing, one in flight, 10 s ACK timeout, well-behaved. */
  public static final class Builder {
    private final Target target;
    private final List<String> messages = new ArrayList<>();
    private final List<GenerateSpec> generate = new ArrayList<>();
    private double ratePerSecond;
    private int inFlight = 1;
    private Duration ackTimeout = Duration.ofSeconds(10);
    private Misbehaviour misbehaviour = Misbehaviour.none();

    private Builder(Target target) {
      this.target = target;
    }

    public Builder message(String text) {
      messages.add(text);
      return this;
    }

    public Builder generate(GenerateSpec spec) {
      generate.add(spec);
      return this;
    }

    /** {@code count} generated messages of {@code type}, e.g. {@code ADT^A04}. */
    public Builder generate(String type, int count) {
      return generate(GenerateSpec.of(type, count));
    }

    public Builder ratePerSecond(double rate) {
      this.ratePerSecond = rate;
      return this;
    }

    public Builder inFlight(int n) {
      this.inFlight = n;
      return this;
    }

    public Builder ackTimeout(Duration timeout) {
      this.ackTimeout = timeout;
      return this;
    }

    public Builder misbehave(Misbehaviour value) {
      this.misbehaviour = value;
      return this;
    }

    public Hl7Script build() {
      return new Hl7Script(
          target, messages, generate, ratePerSecond, inFlight, ackTimeout, misbehaviour);
    }
  }
}
