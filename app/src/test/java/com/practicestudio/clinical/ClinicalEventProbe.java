package com.practicestudio.clinical;

import com.practicestudio.scheduling.EventProbe;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Like {@link EventProbe}, for {@link ObservationCreated} and {@link DocumentCreated}: writes a
 * probe row in the creating transaction for watched patients, and throws for notes or title {@link
 * EventProbe#FAIL}.
 */
@Component
class ClinicalEventProbe {

  private final EventProbe probe;

  ClinicalEventProbe(EventProbe probe) {
    this.probe = probe;
  }

  @EventListener
  void on(ObservationCreated event) {
    Observation o = event.observation();
    if (probe.watches(o.patientId())) {
      failIf(o.notes());
      probe.write("observation", o.id(), Map.of("sendToCerner", o.sendToCerner()));
    }
  }

  @EventListener
  void on(DocumentCreated event) {
    ClinicalDocument d = event.document();
    if (probe.watches(d.patientId())) {
      failIf(d.title());
      probe.write("clinical_document", d.id(), Map.of("sendToCerner", d.sendToCerner()));
    }
  }

  private static void failIf(String text) {
    if (EventProbe.FAIL.equals(text)) {
      throw new IllegalStateException("probe listener fails on purpose");
    }
  }
}
