package com.practicestudio.sandbox.hl7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.practicestudio.hl7v2.Hl7Message;
import com.practicestudio.hl7v2.ValueState;
import com.practicestudio.sandbox.data.PatientRecord;
import com.practicestudio.sandbox.data.SandboxData;
import com.practicestudio.sandbox.data.SeedGenerator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What every generated message carries, table-driven over the types, read back with hl7v2. */
class CernerMessagesTest {

  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T15:30:00Z"), ZoneOffset.UTC);
  static final SandboxData DATA = SeedGenerator.generate(41, 300, CLOCK);
  static final MessageGenerator GENERATOR =
      new MessageGenerator(new Domain(DATA, Hl7Profile.defaults(), new ControlIds(), CLOCK), 41);

  /** Types about an encounter: PID-18 carries its FIN. */
  static final Set<MessageKind> WITH_FIN =
      EnumSet.of(
          MessageKind.ADT_A01,
          MessageKind.ADT_A04,
          MessageKind.ADT_A08,
          MessageKind.ORU_R01,
          MessageKind.DFT_P03,
          MessageKind.MDM_T02);

  static List<Hl7Message> generate(MessageKind kind, int count) {
    return GENERATOR.generate(new GenerateSpec(kind, count, null, null, null)).stream()
        .map(m -> Hl7Message.parse(m.toBytes()))
        .toList();
  }

  static PatientRecord patientWithMrn(String mrn) {
    return DATA.patients().stream().filter(p -> p.mrn().equals(mrn)).findFirst().orElseThrow();
  }

  @ParameterizedTest
  @EnumSource(MessageKind.class)
  void the_header_is_cerner_v23_with_a_queue_transaction_control_id(MessageKind kind) {
    for (Hl7Message message : generate(kind, 3)) {
      assertThat(message.messageType() + "^" + message.triggerEvent()).isEqualTo(kind.type());
      assertThat(message.version()).isEqualTo("2.3");
      assertThat(message.get("MSH-18")).isEqualTo("8859/1");
      assertThat(message.charset().charset().name()).isEqualTo("ISO-8859-1");
      assertThat(message.get("MSH-3")).isEqualTo("HNAM");
      assertThat(message.controlId()).matches("Q\\d{10}T\\d{10}");
      assertThat(message.get("MSH-7")).matches("\\d{14}[+-]\\d{4}");
    }
  }

  @ParameterizedTest
  @EnumSource(MessageKind.class)
  void pid_3_holds_the_mrn_typed_mrn_under_the_pool_authority(MessageKind kind) {
    for (Hl7Message message : generate(kind, 3)) {
      String mrn = message.get("PID-3.1");
      assertThat(message.get("PID-3.4")).isEqualTo("SANDBOX MRN");
      assertThat(message.get("PID-3.5")).isEqualTo("MRN");
      PatientRecord patient = patientWithMrn(mrn);
      assertThat(message.get("PID-5.1")).isEqualTo(patient.name().family());
      assertThat(message.get("PID-5.2")).isEqualTo(patient.name().given());
      assertThat(message.get("PID-7")).isEqualTo(patient.birthDate().toString().replace("-", ""));
    }
  }

  @ParameterizedTest
  @EnumSource(MessageKind.class)
  void pid_18_holds_the_fin_of_the_encounter_when_there_is_one(MessageKind kind) {
    for (Hl7Message message : generate(kind, 3)) {
      if (!WITH_FIN.contains(kind)) {
        assertThat(message.state("PID-18")).isEqualTo(ValueState.EMPTY);
        continue;
      }
      String fin = message.get("PID-18.1");
      long personId = patientWithMrn(message.get("PID-3.1")).personId();
      assertThat(DATA.encounters()).anyMatch(e -> e.fin().equals(fin) && e.patientId() == personId);
      assertThat(message.get("PID-18.4")).isEqualTo("FIN");
      assertThat(message.get("PID-18.5")).isEqualTo("CD:1077");
      assertThat(message.get("PV1-19")).isNotEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(MessageKind.class)
  void codes_without_an_alias_go_out_raw_and_missing_values_as_explicit_nulls(MessageKind kind) {
    for (Hl7Message message : generate(kind, 3)) {
      assertThat(message.get("PID-5.7")).isEqualTo("CD:766");
      assertThat(message.get("PID-10")).matches("CD:\\d+");
      assertThat(message.get("PID-15")).matches("CD:\\d+");
      assertThat(message.get("PID-22")).matches("CD:\\d+");
      assertThat(message.get("PID-8")).isIn("M", "F", "U");
      // no seeded patient has a business phone or a death date: Millennium sends "" for them
      assertThat(message.isNull("PID-14")).isTrue();
      assertThat(message.isNull("PID-29")).isTrue();
      assertThat(message.isNull("PID-11.9")).isTrue();
      PatientRecord patient = patientWithMrn(message.get("PID-3.1"));
      boolean hasSsn = patient.alias(com.practicestudio.sandbox.data.Alias.Type.SSN) != null;
      assertThat(message.isNull("PID-19")).isEqualTo(!hasSsn);
    }
  }

  @Test
  void a_patient_selection_limits_the_subjects_and_unknown_ones_are_refused() {
    PatientRecord patient =
        DATA.encounters().stream()
            .map(e -> DATA.patient(e.patientId()).orElseThrow())
            .findFirst()
            .orElseThrow();
    List<Hl7Message> messages =
        GENERATOR.generate(GenerateSpec.of("ADT^A08", 4).forMrns(patient.mrn()));
    assertThat(messages).hasSize(4).allMatch(m -> m.get("PID-3.1").equals(patient.mrn()));
    assertThat(messages).extracting(Hl7Message::controlId).doesNotHaveDuplicates();
    assertThatThrownBy(() -> GENERATOR.generate(GenerateSpec.of("ADT^A08", 1).forPatients(-1L)))
        .hasMessage("patients[0] is not a seeded patient");
    assertThatThrownBy(() -> GENERATOR.generate(GenerateSpec.of("ADT^A08", 1).forMrns("nope")))
        .hasMessage("mrns[0] matches no seeded patient");
    assertThatThrownBy(() -> MessageKind.of("ADT^A99")).hasMessageContaining("ADT^A04");
  }

  @Test
  void the_profile_sets_the_header_routing_and_the_alias_pools() {
    Hl7Profile site =
        new Hl7Profile("", "HNA", "PS_ENGINE", "CLINIC_7", "T", "PVMC MRN POOL", "PVMC FIN");
    MessageGenerator custom =
        new MessageGenerator(new Domain(DATA, site, new ControlIds(), CLOCK), 41);
    Hl7Message message = custom.generate(GenerateSpec.of("ADT^A04", 1)).get(0);
    assertThat(message.state("MSH-3")).isEqualTo(ValueState.EMPTY);
    assertThat(message.get("MSH-4")).isEqualTo("HNA");
    assertThat(message.get("MSH-5")).isEqualTo("PS_ENGINE");
    assertThat(message.get("MSH-6")).isEqualTo("CLINIC_7");
    assertThat(message.processingId()).isEqualTo("T");
    assertThat(message.get("PID-3.4")).isEqualTo("PVMC MRN POOL");
    assertThat(message.get("PID-18.4")).isEqualTo("PVMC FIN");
  }

  @Test
  void the_same_seed_draws_the_same_subjects() {
    List<String> first =
        GENERATOR.generate(GenerateSpec.of("ADT^A04", 5).withSeed(3)).stream()
            .map(m -> m.get("PID-18.1"))
            .toList();
    List<String> again =
        GENERATOR.generate(GenerateSpec.of("ADT^A04", 5).withSeed(3)).stream()
            .map(m -> m.get("PID-18.1"))
            .toList();
    List<String> other =
        GENERATOR.generate(GenerateSpec.of("ADT^A04", 5).withSeed(4)).stream()
            .map(m -> m.get("PID-18.1"))
            .toList();
    assertThat(again).isEqualTo(first);
    assertThat(other).isNotEqualTo(first);
  }
}
