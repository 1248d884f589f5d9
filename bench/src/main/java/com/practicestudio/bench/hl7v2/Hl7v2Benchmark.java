package com.practicestudio.bench.hl7v2;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.parser.CanonicalModelClassFactory;
import ca.uhn.hl7v2.parser.PipeParser;
import ca.uhn.hl7v2.util.Terser;
import ca.uhn.hl7v2.util.idgenerator.InMemoryIDGenerator;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;
import com.practicestudio.hl7v2.Hl7Message;
import com.practicestudio.hl7v2.Hl7Path;
import com.practicestudio.hl7v2.MessageBuilder;
import com.practicestudio.hl7v2.SegmentTerminator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Parse, encode and path access for one ADT^A01, side by side: our {@code hl7v2} parser, HAPI HL7v2
 * 2.6.0 {@link PipeParser} (canonical 2.5.1 model, validation off) and a naive {@code String.split}
 * parser. Figures and the command are in {@code docs/benchmarks.md}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class Hl7v2Benchmark {

  /** The six values every path-access benchmark reads (PID-11(2).3 is the second address). */
  private static final String[] PATHS = {
    "MSH-10", "PID-3.1", "PID-5.1", "PID-11(2).3", "PV1-3.1", "PV1-7.2"
  };

  private static final String[] TERSER_PATHS = {
    "/.MSH-10", "/.PID-3-1", "/.PID-5-1", "/.PID-11(1)-3", "/.PV1-3-1", "/.PV1-7-2"
  };

  @Param({"adt/hapi_ADT_A01_v24.txt"})
  public String file;

  private byte[] bytes;
  private Hl7Path[] paths;
  private Hl7Message ours;
  private HapiContext hapiContext;
  private PipeParser hapi;
  private Message hapiMessage;
  private Terser terser;
  private SplitParser split;

  @Setup
  public void setUp() throws HL7Exception {
    bytes = SampleMessage.read(file);
    paths = new Hl7Path[PATHS.length];
    for (int i = 0; i < PATHS.length; i++) {
      paths[i] = Hl7Path.of(PATHS[i]);
    }
    ours = Hl7Message.parse(bytes);
    hapiContext = new DefaultHapiContext();
    hapiContext.setModelClassFactory(new CanonicalModelClassFactory("2.5.1"));
    hapiContext.setValidationContext(ValidationContextFactory.noValidation());
    hapiContext.getParserConfiguration().setIdGenerator(new InMemoryIDGenerator());
    hapi = hapiContext.getPipeParser();
    hapiMessage = hapi.parse(text());
    terser = new Terser(hapiMessage);
    split = new SplitParser(text());
    requireSameValues();
  }

  @TearDown
  public void tearDown() throws IOException {
    hapiContext.close();
  }

  private String text() {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** The three readers must agree on the values read, or the comparison means nothing. */
  private void requireSameValues() throws HL7Exception {
    for (int i = 0; i < PATHS.length; i++) {
      String mine = ours.get(paths[i]);
      String theirs = terser.get(TERSER_PATHS[i]);
      String naive = splitGet(i);
      if (!mine.equals(theirs) || !mine.equals(naive)) {
        throw new IllegalStateException("readers disagree at " + PATHS[i]);
      }
    }
  }

  // ---- parse: bytes in, message out (text decoding included for everyone)

  @Benchmark
  public Hl7Message parseOurs() {
    return Hl7Message.parse(bytes);
  }

  @Benchmark
  public Message parseHapi() throws HL7Exception {
    return hapi.parse(new String(bytes, StandardCharsets.UTF_8));
  }

  @Benchmark
  public SplitParser parseSplit() {
    return new SplitParser(new String(bytes, StandardCharsets.UTF_8));
  }

  // ---- encode: a parsed message back to text

  /**
   * Writes every segment with a CR terminator (normalising, so it cannot just return the input).
   */
  @Benchmark
  public String encodeOurs() {
    return ours.encode(SegmentTerminator.CR);
  }

  /** The lossless bytes: the retained text encoded in the message's charset. */
  @Benchmark
  public byte[] encodeOursLosslessBytes() {
    return ours.toBytes();
  }

  /** A real change: copy into a builder, set PID-5.1, serialise. */
  @Benchmark
  public String encodeOursAfterChange() {
    return MessageBuilder.from(ours).set("PID-5.1", "Mouse").encode();
  }

  @Benchmark
  public String encodeHapi() throws HL7Exception {
    return hapi.encode(hapiMessage);
  }

  @Benchmark
  public String encodeSplit() {
    return split.encode();
  }

  // ---- path access: six values from an already parsed message

  @Benchmark
  public void pathsOurs(Blackhole blackhole) {
    for (Hl7Path path : paths) {
      blackhole.consume(ours.get(path));
    }
  }

  @Benchmark
  public void pathsOursFromText(Blackhole blackhole) {
    for (String path : PATHS) {
      blackhole.consume(ours.get(path));
    }
  }

  @Benchmark
  public void pathsHapi(Blackhole blackhole) throws HL7Exception {
    for (String path : TERSER_PATHS) {
      blackhole.consume(terser.get(path));
    }
  }

  @Benchmark
  public void pathsSplit(Blackhole blackhole) {
    for (int i = 0; i < PATHS.length; i++) {
      blackhole.consume(splitGet(i));
    }
  }

  // ---- parse and read: what an inbound handler does per message

  @Benchmark
  public void parseAndReadOurs(Blackhole blackhole) {
    Hl7Message message = Hl7Message.parse(bytes);
    for (Hl7Path path : paths) {
      blackhole.consume(message.get(path));
    }
  }

  @Benchmark
  public void parseAndReadHapi(Blackhole blackhole) throws HL7Exception {
    Terser fresh = new Terser(hapi.parse(new String(bytes, StandardCharsets.UTF_8)));
    for (String path : TERSER_PATHS) {
      blackhole.consume(fresh.get(path));
    }
  }

  private String splitGet(int i) {
    return switch (i) {
      case 0 -> split.get("MSH", 10, 1, 1);
      case 1 -> split.get("PID", 3, 1, 1);
      case 2 -> split.get("PID", 5, 1, 1);
      case 3 -> split.get("PID", 11, 2, 3);
      case 4 -> split.get("PV1", 3, 1, 1);
      default -> split.get("PV1", 7, 1, 2);
    };
  }
}
