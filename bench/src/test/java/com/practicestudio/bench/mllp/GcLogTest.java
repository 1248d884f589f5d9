package com.practicestudio.bench.mllp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class GcLogTest {

  @Test
  void the_peak_is_the_largest_heap_before_a_collection() {
    String log =
        """
        [0.004s][info][gc] Using G1
        [3.120s][info][gc] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 23M->4M(256M) 3.012ms
        [9.871s][info][gc] GC(7) Pause Young (Concurrent Start) (Metadata GC Threshold) 301M->45M(512M) 5.1ms
        [9.900s][info][gc] GC(8) Concurrent Mark Cycle
        [12.5s][info][gc] GC(9) Pause Full (System.gc()) 900K->800K(512M) 20.0ms
        """;

    assertEquals(301L << 20, GcLog.peakBytes(log));
  }

  @Test
  void gigabytes_and_no_collection() {
    assertEquals(2L << 30, GcLog.peakBytes("GC(1) Pause Young (Normal) 2G->1G(4G) 9ms"));
    assertEquals(0, GcLog.peakBytes("[0.004s][info][gc] Using G1\n"));
  }
}
