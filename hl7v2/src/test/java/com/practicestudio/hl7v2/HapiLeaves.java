package com.practicestudio.hl7v2;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.model.Group;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.Structure;
import ca.uhn.hl7v2.model.Type;
import ca.uhn.hl7v2.parser.GenericModelClassFactory;
import ca.uhn.hl7v2.parser.PipeParser;
import ca.uhn.hl7v2.util.Hl7InputStreamMessageStringIterator;
import ca.uhn.hl7v2.util.Terser;
import ca.uhn.hl7v2.util.idgenerator.InMemoryIDGenerator;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;
import java.io.IOException;
import java.io.StringReader;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The oracle side of {@link HapiOracleTest}: HAPI HL7v2 2.6.0 with the generic model (every
 * version, no structure classes, no validation) reads a message; every populated leaf is listed by
 * path through HAPI's {@link Terser}.
 */
final class HapiLeaves {

  /** How a message's text reached HAPI's {@link PipeParser}. */
  enum Route {
    /** Segments end with CR: the text as it is. */
    CR,
    /** Segments end with CRLF: the text as it is; HAPI cuts at CR and drops the LF that follows. */
    CRLF,
    /**
     * A segment ends with a lone LF, which HAPI's parser does not see as an end: the text goes
     * through HAPI's own file reader, {@link Hl7InputStreamMessageStringIterator}, which turns
     * every line end into CR, as HAPI users reading such a file do.
     */
    LF_THROUGH_HAPI_READER
  }

  /** Path ({@code PID(1)-3(2).4.1}) to value of every populated leaf, and how HAPI got the text. */
  record Read(Map<String, String> leaves, Route route) {}

  private static final Pattern LONE_LF = Pattern.compile("(?<!\\r)\\n");

  private static final HapiContext CONTEXT = context();

  private HapiLeaves() {}

  private static HapiContext context() {
    HapiContext context = new DefaultHapiContext();
    context.setModelClassFactory(new GenericModelClassFactory());
    context.setValidationContext(ValidationContextFactory.noValidation());
    // an explicit generator: HAPI otherwise writes an id_file into the working directory
    context.getParserConfiguration().setIdGenerator(new InMemoryIDGenerator());
    return context;
  }

  /**
   * Reads one message's text exactly as the file has it (terminators included), through the route
   * its line ends need.
   */
  static Read read(String text) throws HL7Exception {
    Route route;
    String input = text;
    if (LONE_LF.matcher(text).find()) {
      route = Route.LF_THROUGH_HAPI_READER;
      input = throughHapiReader(text);
    } else {
      route = text.contains("\r\n") ? Route.CRLF : Route.CR;
    }
    return new Read(parse(input), route);
  }

  /** Our exact text, as {@link PipeParser} reads it with no help. */
  static Map<String, String> parse(String text) throws HL7Exception {
    Message message = CONTEXT.getPipeParser().parse(text);
    Map<String, String> leaves = new TreeMap<>();
    collect(message, new HashMap<>(), leaves);
    return leaves;
  }

  /** The one message HAPI's file reader finds in {@code text}. */
  static String throughHapiReader(String text) {
    Hl7InputStreamMessageStringIterator reader =
        new Hl7InputStreamMessageStringIterator(new StringReader(text));
    String message = reader.next();
    if (reader.hasNext()) {
      throw new IllegalStateException("HAPI's reader found more than one message");
    }
    return message;
  }

  static void close() throws IOException {
    CONTEXT.close();
  }

  private static void collect(Group group, Map<String, Integer> seen, Map<String, String> leaves)
      throws HL7Exception {
    for (String name : group.getNames()) {
      for (Structure structure : group.getAll(name)) {
        if (structure instanceof Group child) {
          collect(child, seen, leaves);
        } else if (structure instanceof ca.uhn.hl7v2.model.Segment segment) {
          String segmentName = segment.getName();
          int occurrence = seen.merge(segmentName, 1, Integer::sum);
          segment(segment, segmentName + "(" + occurrence + ")", leaves);
        }
      }
    }
  }

  private static void segment(
      ca.uhn.hl7v2.model.Segment segment, String prefix, Map<String, String> leaves)
      throws HL7Exception {
    for (int field = 1; field <= segment.numFields(); field++) {
      Type[] repetitions = segment.getField(field);
      for (int rep = 0; rep < repetitions.length; rep++) {
        int components = Terser.numComponents(repetitions[rep]);
        for (int component = 1; component <= components; component++) {
          int subcomponents = Terser.numSubComponents(repetitions[rep], component);
          for (int sub = 1; sub <= subcomponents; sub++) {
            String value = Terser.get(segment, field, rep, component, sub);
            if (value != null && !value.isEmpty()) {
              leaves.put(Leaves.key(prefix, field, rep + 1, component, sub), value);
            }
          }
        }
      }
    }
  }
}
