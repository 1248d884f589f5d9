package com.practicestudio.bench.mllp;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;

/**
 * Baseline (b): Apache Camel's camel-mllp consumer with {@code autoAck=true} (Camel builds the AA
 * from the message's MSH) and a route that does nothing else — no storage. Run: {@code java -cp
 * bench/target/benchmarks.jar com.practicestudio.bench.mllp.CamelMllpServer <port>}.
 */
public final class CamelMllpServer {

  private CamelMllpServer() {}

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    Main main = new Main();
    main.configure()
        .addRoutesBuilder(
            new RouteBuilder() {
              @Override
              public void configure() {
                from("mllp://0.0.0.0:"
                        + port
                        + "?autoAck=true&maxConcurrentConsumers=256&receiveTimeout=60000")
                    .routeId("bench")
                    .process(exchange -> {});
              }
            });
    System.out.println("Camel MLLP server on " + port);
    main.run();
  }
}
