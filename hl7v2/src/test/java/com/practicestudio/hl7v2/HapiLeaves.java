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
import ca.uhn.hl7v2.util.Terser;
import ca.uhn.hl7v2.util.idgenerator.InMemoryIDGenerator;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The oracle side of {@link HapiOracleTest}: HAPI HL7v2 2.6.0 with the generic model (every
 * version, no structure classes, no validation) reads a message; every populated leaf is listed by
 * path through HAPI's {@link Terser}.
 */
final class HapiLeaves {

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

  /** Path ({@code PID(1)-3(2).4.1}) to value of every populated leaf. */
  static Map<String, String> read(String text) throws HL7Exception {
    PipeParser parser = CONTEXT.getPipeParser();
    Message message = parser.parse(text);
    Map<String, String> leaves = new TreeMap<>();
    collect(message, new HashMap<>(), leaves);
    return leaves;
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
