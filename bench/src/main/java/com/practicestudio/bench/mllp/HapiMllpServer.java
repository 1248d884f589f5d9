package com.practicestudio.bench.mllp;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.app.HL7Service;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.parser.CanonicalModelClassFactory;
import ca.uhn.hl7v2.protocol.ReceivingApplication;
import ca.uhn.hl7v2.util.idgenerator.InMemoryIDGenerator;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;
import java.io.IOException;
import java.util.Map;

/**
 * Baseline (c): HAPI HL7v2 2.6.0's {@code HL7Service} (its MLLP server): parses each message (2.5.1
 * model, validation off) and answers {@code generateACK()} — no storage. Run: {@code java -cp
 * bench/target/benchmarks.jar com.practicestudio.bench.mllp.HapiMllpServer <port>}.
 */
public final class HapiMllpServer {

  private HapiMllpServer() {}

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    HapiContext context = new DefaultHapiContext();
    context.setValidationContext(ValidationContextFactory.noValidation());
    context.setModelClassFactory(new CanonicalModelClassFactory("2.5.1"));
    context.getParserConfiguration().setIdGenerator(new InMemoryIDGenerator());
    HL7Service server = context.newServer(port, false);
    server.registerApplication(
        "*",
        "*",
        new ReceivingApplication<Message>() {
          @Override
          public Message processMessage(Message message, Map<String, Object> metadata)
              throws ca.uhn.hl7v2.HL7Exception {
            try {
              return message.generateACK();
            } catch (IOException e) {
              throw new ca.uhn.hl7v2.HL7Exception(e);
            }
          }

          @Override
          public boolean canProcess(Message message) {
            return true;
          }
        });
    server.startAndWait();
    System.out.println("HAPI HL7Service on " + port);
    Thread.currentThread().join();
  }
}
