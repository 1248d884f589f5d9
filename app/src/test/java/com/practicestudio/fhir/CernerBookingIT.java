package com.practicestudio.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import com.practicestudio.sandbox.CernerSandbox;
import com.practicestudio.sandbox.data.SlotRecord;
import com.practicestudio.sandbox.data.SlotStatus;
import com.practicestudio.sandbox.junit.CernerSandboxConfig;
import com.practicestudio.sandbox.junit.CernerSandboxExtension;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Hold → book on the sandbox: success, slot taken, refusal leaves the slot free, repeats. */
@ExtendWith(CernerSandboxExtension.class)
@CernerSandboxConfig(patients = 200, seed = 77)
class CernerBookingIT {

  CernerSandbox sandbox;
  CernerFhirClient client;
  final CernerBooking booking = new CernerBooking(new SchedulingMapper(SeedCodeMaps.load()));

  @BeforeEach
  void client(CernerSandbox sandbox) {
    this.sandbox = sandbox;
    client =
        new CernerFhirClients(
                new SandboxTokens(sandbox),
                FhirClientProperties.defaults(),
                new SimpleMeterRegistry(),
                d -> {},
                Clock.systemUTC())
            .client(SandboxEndpoints.of(sandbox, 1));
  }

  @Test
  void books_a_free_slot_and_a_repeat_answers_the_same_appointment() {
    SlotRecord slot = freeSlot(1);
    String patient = patient(10);

    BookingResult result = booking.book(client, slot.slotId(), patient, "first visit");
    BookingResult repeat = booking.book(client, slot.slotId(), patient, "first visit");

    assertThat(result.booked()).isTrue();
    assertThat(repeat).isEqualTo(result);
    assertThat(sandbox.data().slot(slot.slotId()).orElseThrow().status())
        .isEqualTo(SlotStatus.BUSY);
    assertThat(
            sandbox.data().appointments().stream()
                .filter(a -> a.slotId().equals(slot.slotId()))
                .count())
        .isEqualTo(1);
  }

  @Test
  void a_taken_slot_is_refused_for_another_patient() {
    SlotRecord slot = freeSlot(2);
    assertThat(booking.book(client, slot.slotId(), patient(11), null).booked()).isTrue();

    BookingResult refused = booking.book(client, slot.slotId(), patient(12), null);

    assertThat(refused.booked()).isFalse();
    assertThat(refused.reason()).isEqualTo("the slot is no longer free");
  }

  @Test
  void a_refused_create_releases_the_hold() {
    SlotRecord slot = freeSlot(3);

    BookingResult refused = booking.book(client, slot.slotId(), "999999999", null);

    assertThat(refused.booked()).isFalse();
    assertThat(refused.reason()).contains("FHIR-015");
    assertThat(sandbox.data().slot(slot.slotId()).orElseThrow().status())
        .isEqualTo(SlotStatus.FREE);
  }

  @Test
  void an_unknown_slot_is_refused() {
    assertThat(booking.book(client, "no-such-slot", patient(1), null).reason())
        .isEqualTo("the slot does not exist in Cerner");
  }

  String patient(int index) {
    return Long.toString(
        sandbox.data().patients().stream()
            .filter(p -> p.active())
            .skip(index)
            .findFirst()
            .orElseThrow()
            .personId());
  }

  SlotRecord freeSlot(int n) {
    return sandbox.data().slots().stream()
        .filter(s -> s.status() == SlotStatus.FREE && s.start().isAfter(Instant.now()))
        .skip(n * 53L)
        .findFirst()
        .orElseThrow();
  }
}
