package com.practicestudio.bench.hl7v2;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.infra.Blackhole;

/** Runs every benchmark body once, so a broken benchmark fails the build, not the next JMH run. */
class Hl7v2BenchmarkTest {

  private final Hl7v2Benchmark benchmark = new Hl7v2Benchmark();
  private final Blackhole blackhole =
      new Blackhole(
          "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");

  @BeforeEach
  void setUp() throws Exception {
    benchmark.file = "adt/hapi_ADT_A01_v24.txt";
    benchmark.setUp(); // also checks that the three readers agree on the six values
  }

  @AfterEach
  void tearDown() throws Exception {
    benchmark.tearDown();
  }

  @Test
  void every_benchmark_runs_and_the_parsers_agree() throws Exception {
    assertThat(benchmark.parseOurs().messageType()).isEqualTo("ADT");
    assertThat(benchmark.parseHapi().getName()).isEqualTo("ADT_A01");
    assertThat(benchmark.parseSplit().get("PID", 5, 1, 1)).isEqualTo("Duck");
    String encoded = benchmark.encodeOurs();
    assertThat(encoded).startsWith("MSH|^~\\&|system1|W|").endsWith("ACC|\r");
    assertThat(benchmark.encodeOursLosslessBytes()).hasSize(698);
    assertThat(benchmark.encodeOursAfterChange()).contains("|Mouse^Donald^");
    assertThat(benchmark.encodeHapi()).startsWith("MSH|^~\\&|system1|W|");
    assertThat(benchmark.encodeSplit()).isEqualTo(encoded);
    benchmark.pathsOurs(blackhole);
    benchmark.pathsOursFromText(blackhole);
    benchmark.pathsHapi(blackhole);
    benchmark.pathsSplit(blackhole);
    benchmark.parseAndReadOurs(blackhole);
    benchmark.parseAndReadHapi(blackhole);
  }
}
