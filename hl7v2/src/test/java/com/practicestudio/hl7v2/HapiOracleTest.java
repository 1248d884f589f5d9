package com.practicestudio.hl7v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.hl7v2.HL7Exception;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Every message of the corpus, read by our parser and by HAPI HL7v2 2.6.0: every populated leaf
 * (segment occurrence, field, repetition, component, subcomponent) must have the same value in
 * both, unless the difference belongs to a class justified in {@code hl7v2/README.md} ("Oracle
 * differences"). HAPI reads each message as the file has it (see {@link HapiLeaves#read}). The
 * escape corpus payload is compared inside an OBX-5.
 */
class HapiOracleTest {

  /** The justified difference classes; each must be in the README table. */
  enum DifferenceClass {
    /**
     * MSH-2 repeats a character ({@code ^~\\&}): HAPI also splits subcomponents at the repeated 4th
     * character, we give it only its first meaning. Only leaves where HAPI's subcomponents are
     * exactly our value cut at that character belong here.
     */
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
  private final Map<HapiLeaves.Route, Integer> messagesByRoute =
      new EnumMap<>(HapiLeaves.Route.class);
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
      byte[] bytes = Files.readAllBytes(file);
      Hl7Batch batch;
      try {
        batch = Hl7Batch.split(bytes, Hl7Batch.Options.STRICT.withComments());
      } catch (Hl7ParseException e) {
        continue; // malformed on purpose: CorpusTest checks the error codes
      }
      for (int i = 0; i < batch.messages().size(); i++) {
        Hl7Message message = batch.messages().get(i);
        assertThat(fileText(bytes, message))
            .as("%s #%d: what HAPI reads is the file's own text", where, i + 1)
            .contains(message.encode());
        compare(where + " #" + (i + 1), message);
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
    assertThat(messagesByRoute)
        .as("corpus messages with CR, CRLF and LF terminators all reach HAPI")
        .containsKeys(HapiLeaves.Route.values());
    String readme = Files.readString(Path.of("README.md"));
    for (Difference difference : differences) {
      assertThat(readme).contains(difference.kind().name());
    }
    printSummary();
  }

  /** The behaviour {@link HapiLeaves.Route} and the README rely on, pinned for HAPI upgrades. */
  @Test
  void hapi_parser_ends_segments_only_at_cr_and_hapi_reader_turns_line_ends_into_cr()
      throws Exception {
    String cr = "MSH|^~\\&|A|B|C|D|20240101||ADT^A01|1|P|2.5\rPID|1||123\r";
    String crlf = cr.replace("\r", "\r\n");
    String lf = cr.replace("\r", "\n");

    assertThat(HapiLeaves.parse(crlf))
        .isEqualTo(HapiLeaves.parse(cr))
        .containsKey("PID(1)-3(1).1.1");
    assertThatThrownBy(() -> HapiLeaves.parse(lf))
        .as("a lone LF stays inside MSH-12, so the version is unknown")
        .isInstanceOf(HL7Exception.class);
    assertThat(HapiLeaves.throughHapiReader(lf)).isEqualTo(cr);
    assertThat(HapiLeaves.read(lf).route()).isEqualTo(HapiLeaves.Route.LF_THROUGH_HAPI_READER);
    assertThat(HapiLeaves.read(crlf).route()).isEqualTo(HapiLeaves.Route.CRLF);
    assertThat(HapiLeaves.read(cr).route()).isEqualTo(HapiLeaves.Route.CR);
  }

  /** An unrelated difference in a message whose MSH-2 repeats a character is not excused. */
  @Test
  void duplicate_delimiter_excuses_only_values_hapi_cut_at_the_repeated_character() {
    Hl7Message message =
        Hl7Message.parse("MSH|^~\\\\&|A|B|C|D|20240101||ORU^R01|1|P|2.6\rOBX|1|TX|||a\\b|x\r");
    Map<String, String> ours = Map.of("OBX(1)-5(1).1.1", "a\\b", "OBX(1)-6(1).1.1", "x");

    Map<String, String> cut = Map.of("OBX(1)-5(1).1.1", "a", "OBX(1)-5(1).1.2", "b");
    assertThat(splitAtDuplicateDelimiter(message, "OBX(1)-5(1).1.1", ours, cut)).isTrue();
    assertThat(splitAtDuplicateDelimiter(message, "OBX(1)-5(1).1.2", ours, cut)).isTrue();

    Map<String, String> otherValue = Map.of("OBX(1)-5(1).1.1", "a", "OBX(1)-5(1).1.2", "c");
    assertThat(splitAtDuplicateDelimiter(message, "OBX(1)-5(1).1.2", ours, otherValue)).isFalse();
    Map<String, String> unrelated = Map.of("OBX(1)-6(1).1.1", "y");
    assertThat(splitAtDuplicateDelimiter(message, "OBX(1)-6(1).1.1", ours, unrelated)).isFalse();
  }

  /**
   * The file decoded in the charset our parser chose for the message; a byte-order mark is dropped,
   * as HAPI users must do (HAPI would read it as part of "MSH").
   */
  private static String fileText(byte[] bytes, Hl7Message message) {
    String text = new String(bytes, message.charset().charset());
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  private void compare(String where, Hl7Message message) {
    Map<String, String> ours = Leaves.read(message);
    Map<String, String> hapi;
    try {
      HapiLeaves.Read read = HapiLeaves.read(message.encode());
      messagesByRoute.merge(read.route(), 1, Integer::sum);
      hapi = read.leaves();
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
        differences.add(
            new Difference(where, path, mine, theirs, classify(message, path, ours, hapi)));
      }
    }
  }

  private static DifferenceClass classify(
      Hl7Message message, String path, Map<String, String> ours, Map<String, String> hapi) {
    if (splitAtDuplicateDelimiter(message, path, ours, hapi)) {
      return DifferenceClass.DUPLICATE_DELIMITER;
    }
    String mine = ours.get(path);
    String theirs = hapi.get(path);
    if (theirs != null && mine != null && mine.equals(decodeHexOnly(theirs))) {
      return DifferenceClass.HEX_ESCAPE_DECODED;
    }
    return null;
  }

  /**
   * Whether HAPI's subcomponents of the component holding {@code path} are exactly our value of
   * that component cut at MSH-2's 4th character, when that character already has an earlier meaning
   * (HAPI's subcomponent separator; for us only the earlier meaning counts).
   */
  static boolean splitAtDuplicateDelimiter(
      Hl7Message message, String path, Map<String, String> ours, Map<String, String> hapi) {
    String msh2 = message.delimiters().encodingCharacters();
    if (msh2.length() < 4 || msh2.indexOf(msh2.charAt(3)) == 3) {
      return false;
    }
    String component = path.substring(0, path.lastIndexOf('.') + 1);
    String whole = ours.get(component + "1");
    if (whole == null || whole.indexOf(msh2.charAt(3)) < 0) {
      return false;
    }
    Map<String, String> expected = new TreeMap<>();
    String[] pieces = whole.split(Pattern.quote(String.valueOf(msh2.charAt(3))), -1);
    for (int i = 0; i < pieces.length; i++) {
      if (!pieces[i].isEmpty()) {
        expected.put(component + (i + 1), pieces[i]);
      }
    }
    return expected.equals(underComponent(hapi, component))
        && underComponent(ours, component).equals(Map.of(component + "1", whole));
  }

  private static Map<String, String> underComponent(Map<String, String> leaves, String component) {
    Map<String, String> under = new TreeMap<>();
    leaves.forEach(
        (path, value) -> {
          if (path.startsWith(component) && path.indexOf('.', component.length()) < 0) {
            under.put(path, value);
          }
        });
    return under;
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
        "HAPI oracle: %d messages (%s), %d leaves compared; justified differences %s%n",
        messagesCompared, messagesByRoute, leavesCompared, counts);
    differences.forEach(difference -> System.out.println("  " + difference));
  }
}
