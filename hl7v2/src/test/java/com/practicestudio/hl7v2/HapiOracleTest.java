package com.practicestudio.hl7v2;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Every message of the corpus, read by our parser and by HAPI HL7v2 2.6.0: every populated leaf
 * (segment occurrence, field, repetition, component, subcomponent) must have the same value in
 * both, unless the difference belongs to a class justified in {@code hl7v2/README.md} ("Oracle
 * differences"). The escape corpus payload is compared inside an OBX-5.
 */
class HapiOracleTest {

  /** The justified difference classes; each must be in the README table. */
  enum DifferenceClass {
    /** MSH-2 repeats a character ({@code ^~\\&}): HAPI uses it twice, we use its first meaning. */
    DUPLICATE_DELIMITER,
    /** MSH-2 shorter than four characters ({@code ^~}}): HAPI refuses the message. */
    HAPI_REJECTS_SHORT_MSH2,
    /** {@code \Xhh\} hex escapes: we decode them, HAPI keeps them as text. */
    HEX_ESCAPE_DECODED
  }

  private static final Pattern HEX = Pattern.compile("\\\\X((?:[0-9A-Fa-f]{2})+)\\\\");

  /** One leaf that differs; {@link #toString()} leaves the values out (they can be long). */
  record Difference(String where, String path, String ours, String hapi, DifferenceClass kind) {
    @Override
    public String toString() {
      return kind + " " + where + " " + path;
    }
  }

  private final List<Difference> differences = new ArrayList<>();
  private int messagesCompared;
  private int leavesCompared;

  @AfterAll
  static void closeHapi() throws Exception {
    HapiLeaves.close();
  }

  @Test
  void every_corpus_message_reads_the_same_as_in_hapi_apart_from_justified_differences()
      throws Exception {
    for (Path file : Corpus.files("hl7v2")) {
      String where = Corpus.root().relativize(file).toString();
      if (where.contains("escape") || where.contains("som_eom")) {
        continue; // not messages: CorpusTest covers them
      }
      Hl7Batch batch;
      try {
        batch = Hl7Batch.split(Files.readAllBytes(file), Hl7Batch.Options.STRICT.withComments());
      } catch (Hl7ParseException e) {
        continue; // malformed on purpose: CorpusTest checks the error codes
      }
      for (int i = 0; i < batch.messages().size(); i++) {
        compare(where + " #" + (i + 1), batch.messages().get(i));
      }
    }
    String escaped =
        new String(Corpus.bytes("hl7v2/escape/hapi_uuencoded_escaped.txt"), StandardCharsets.UTF_8);
    compare(
        "escape/hapi_uuencoded_escaped.txt in OBX-5",
        Hl7Message.parse(
            "MSH|^~\\&|LAB|A|EHR|B|20240101||ORU^R01|1|P|2.5.1\rOBX|1|TX|||" + escaped + "\r"));

    List<Difference> unexplained =
        differences.stream().filter(difference -> difference.kind() == null).toList();
    assertThat(unexplained).as("differences not justified in hl7v2/README.md").isEmpty();
    assertThat(messagesCompared).isGreaterThanOrEqualTo(100);
    assertThat(leavesCompared).isGreaterThan(10_000);
    String readme = Files.readString(Path.of("README.md"));
    for (Difference difference : differences) {
      assertThat(readme).contains(difference.kind().name());
    }
    printSummary();
  }

  private void compare(String where, Hl7Message message) {
    Map<String, String> ours = Leaves.read(message);
    Map<String, String> hapi;
    try {
      hapi = HapiLeaves.read(message.encode(SegmentTerminator.CR));
    } catch (Exception e) {
      String msh2 = message.delimiters().encodingCharacters();
      DifferenceClass kind = msh2.length() < 4 ? DifferenceClass.HAPI_REJECTS_SHORT_MSH2 : null;
      differences.add(new Difference(where, "(whole message)", "parsed", e.toString(), kind));
      return;
    }
    messagesCompared++;
    TreeSet<String> paths = new TreeSet<>(ours.keySet());
    paths.addAll(hapi.keySet());
    for (String path : paths) {
      leavesCompared++;
      String mine = ours.get(path);
      String theirs = hapi.get(path);
      if (!Objects.equals(mine, theirs)) {
        differences.add(new Difference(where, path, mine, theirs, classify(message, mine, theirs)));
      }
    }
  }

  private static DifferenceClass classify(Hl7Message message, String ours, String hapi) {
    String msh2 = message.delimiters().encodingCharacters();
    if (msh2.chars().distinct().count() < msh2.length()) {
      return DifferenceClass.DUPLICATE_DELIMITER;
    }
    if (hapi != null && ours != null && ours.equals(decodeHexOnly(hapi))) {
      return DifferenceClass.HEX_ESCAPE_DECODED;
    }
    return null;
  }

  /** HAPI's value with only its {@code \Xhh\} sequences decoded (as single-byte text). */
  private static String decodeHexOnly(String value) {
    Matcher matcher = HEX.matcher(value);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String digits = matcher.group(1);
      StringBuilder decoded = new StringBuilder();
      for (int i = 0; i < digits.length(); i += 2) {
        decoded.append((char) Integer.parseInt(digits.substring(i, i + 2), 16));
      }
      matcher.appendReplacement(out, Matcher.quoteReplacement(decoded.toString()));
    }
    return matcher.appendTail(out).toString();
  }

  private void printSummary() {
    Map<DifferenceClass, Integer> counts = new LinkedHashMap<>();
    for (Difference difference : differences) {
      counts.merge(difference.kind(), 1, Integer::sum);
    }
    System.out.printf(
        "HAPI oracle: %d messages, %d leaves compared; justified differences %s%n",
        messagesCompared, leavesCompared, counts);
    differences.forEach(difference -> System.out.println("  " + difference));
  }
}
