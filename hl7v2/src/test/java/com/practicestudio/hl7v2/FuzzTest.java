package com.practicestudio.hl7v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random mutations of corpus messages (byte flips, delimiter and line-break insertions, deletions,
 * duplications, truncations): the parser either succeeds, and then every value can be read and the
 * message encodes back to its input, or throws {@link Hl7ParseException}; nothing else, and never a
 * hang. The seed is fixed so a failure can be replayed; set {@code -Dfuzz.seed} to explore.
 */
class FuzzTest {

  private static final int MUTATIONS_PER_FILE = 100;
  private static final byte[] INTERESTING = "|^~\\&\r\n\"#MSH".getBytes();

  @Test
  void mutated_corpus_messages_parse_or_fail_with_a_parse_exception() throws Exception {
    long seed = Long.getLong("fuzz.seed", 20261125L);
    Random random = new Random(seed);
    List<byte[]> inputs = new ArrayList<>();
    for (Path file : Corpus.files("hl7v2")) {
      inputs.add(Files.readAllBytes(file));
    }
    int[] outcomes = new int[2];
    assertTimeoutPreemptively(
        Duration.ofSeconds(60),
        () -> {
          for (byte[] input : inputs) {
            for (int i = 0; i < MUTATIONS_PER_FILE; i++) {
              byte[] mutated = mutate(input, random);
              outcomes[exercise(mutated, seed)]++;
            }
          }
        });
    System.out.printf("fuzz seed %d: %d parsed, %d refused%n", seed, outcomes[0], outcomes[1]);
    assertThat(outcomes[0]).as("mutations parsed").isPositive();
    assertThat(outcomes[1]).as("mutations refused").isPositive();
  }

  /** 0 when parsed and fully readable, 1 when refused with Hl7ParseException. */
  private static int exercise(byte[] bytes, long seed) {
    try {
      Hl7Message message = Hl7Message.parse(bytes);
      if (bytes.length < 8_192) { // every leaf of the larger messages adds time, not coverage
        readEverything(message);
      }
      assertThat(message.toBytes()).isEqualTo(bytes);
      Hl7Message.parse(message.encode(SegmentTerminator.CR));
      MessageBuilder.from(message).build();
      Hl7Batch.split(bytes, Hl7Batch.Options.STRICT.withComments());
      return 0;
    } catch (Hl7ParseException expected) {
      assertThat(expected.code()).startsWith("HL7-");
      return 1;
    } catch (RuntimeException | AssertionError e) {
      fail("seed " + seed + ": " + e, e);
      return -1;
    }
  }

  private static void readEverything(Hl7Message message) {
    for (Segment segment : message.segments()) {
      for (int field = 1; field <= segment.fieldCount() + 1; field++) {
        for (int rep = 1; rep <= segment.repetitionCount(field) + 1; rep++) {
          for (int c = 1; c <= segment.componentCount(field, rep) + 1; c++) {
            for (int s = 1; s <= segment.subcomponentCount(field, rep, c) + 1; s++) {
              segment.get(field, rep, c, s);
              segment.plainText(field, rep, c, s);
              segment.state(field, rep, c, s);
            }
          }
        }
      }
    }
    for (String path : new String[] {"MSH-7", "OBX-5", "PID-7", "MSH-10"}) {
      try {
        message.timestamp(path);
      } catch (Hl7ParseException notATimestamp) {
        assertThat(notATimestamp.error()).isEqualTo(Hl7Error.INVALID_TIMESTAMP);
      }
      try {
        message.decimal(path);
      } catch (Hl7ParseException notANumber) {
        assertThat(notANumber.error()).isEqualTo(Hl7Error.INVALID_NUMBER);
      }
    }
    message.toString();
  }

  private static byte[] mutate(byte[] input, Random random) {
    byte[] bytes = input.clone();
    int edits = 1 + random.nextInt(4);
    for (int e = 0; e < edits; e++) {
      if (bytes.length == 0) {
        return new byte[] {INTERESTING[random.nextInt(INTERESTING.length)]};
      }
      int at = random.nextInt(bytes.length);
      switch (random.nextInt(6)) {
        case 0 -> bytes[at] = (byte) random.nextInt(256);
        case 1 -> bytes[at] = INTERESTING[random.nextInt(INTERESTING.length)];
        case 2 -> bytes = splice(bytes, at, new byte[] {(byte) random.nextInt(256)}, 0);
        case 3 ->
            bytes =
                splice(bytes, at, new byte[0], Math.min(bytes.length - at, 1 + random.nextInt(16)));
        case 4 -> bytes = java.util.Arrays.copyOf(bytes, at);
        default -> {
          int length = Math.min(bytes.length - at, 1 + random.nextInt(64));
          byte[] copy = java.util.Arrays.copyOfRange(bytes, at, at + length);
          bytes = splice(bytes, random.nextInt(bytes.length), copy, 0);
        }
      }
    }
    return bytes;
  }

  private static byte[] splice(byte[] bytes, int at, byte[] insert, int remove) {
    byte[] out = new byte[bytes.length - remove + insert.length];
    System.arraycopy(bytes, 0, out, 0, at);
    System.arraycopy(insert, 0, out, at, insert.length);
    System.arraycopy(bytes, at + remove, out, at + insert.length, bytes.length - at - remove);
    return out;
  }
}
