package com.practicestudio.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SandboxComponentIT {

  @Test
  void components_start_after_the_http_server_in_order_and_close_in_reverse() {
    List<String> events = new ArrayList<>();
    try (CernerSandbox sandbox =
        CernerSandbox.builder()
            .patients(30)
            .mllpPort(0)
            .component(new Recording("first", events))
            .component(new Recording("second", events))
            .build()
            .start()) {
      assertThat(events)
          .containsExactly(
              "first started on port " + sandbox.port(),
              "second started on port " + sandbox.port());
      assertThat(sandbox.componentLines())
          .hasSize(3)
          .endsWith("first: ready", "second: ready")
          .first(org.assertj.core.api.InstanceOfAssertFactories.STRING)
          .startsWith("MLLP peer: listening on");
    }
    assertThat(events).endsWith("second closed", "first closed");
  }

  private record Recording(String name, List<String> events) implements SandboxComponent {
    @Override
    public String start(SandboxContext context) {
      assertThat(context.data().patients()).hasSize(30);
      assertThat(context.options().mllpPort()).isZero();
      events.add(name + " started on port " + URI_PORT.apply(context.urls().root()));
      return "ready";
    }

    @Override
    public void close() {
      events.add(name + " closed");
    }
  }

  private static final java.util.function.Function<String, Integer> URI_PORT =
      root -> java.net.URI.create(root).getPort();
}
