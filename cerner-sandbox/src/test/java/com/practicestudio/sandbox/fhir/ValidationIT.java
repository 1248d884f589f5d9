package com.practicestudio.sandbox.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import com.practicestudio.sandbox.CernerSandbox;
import com.practicestudio.sandbox.SandboxHttp;
import com.practicestudio.sandbox.data.SandboxData;
import com.practicestudio.sandbox.data.ScheduleRecord;
import com.practicestudio.sandbox.junit.CernerSandboxExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every resource the sandbox serves validates against FHIR R4 with 0 errors. */
class ValidationIT {

  @RegisterExtension
  static final CernerSandboxExtension SANDBOX =
      new CernerSandboxExtension(() -> CernerSandbox.builder().patients(60).seed(99));

  static FhirValidator validator;
  static final FhirContext FHIR = FhirContext.forR4Cached();

  @BeforeAll
  static void warmUp() {
    ValidationSupportChain chain =
        new ValidationSupportChain(
            new DefaultProfileValidationSupport(FHIR),
            new CommonCodeSystemsTerminologyService(FHIR),
            new InMemoryTerminologyServerValidationSupport(FHIR),
            new SnapshotGeneratingValidationSupport(FHIR));
    validator = FHIR.newValidator().registerValidatorModule(new FhirInstanceValidator(chain));
    validator.validateWithResult(new org.hl7.fhir.r4.model.Patient().setActive(true));
  }

  @Test
  void every_seeded_record_maps_to_a_valid_r4_resource(CernerSandbox sandbox) {
    SandboxData data = sandbox.data();
    CernerCodes codes = new CernerCodes(sandbox.tenant());
    PatientMapper patients = new PatientMapper(codes);
    DirectoryMapper directory = new DirectoryMapper();
    EncounterMapper encounters = new EncounterMapper(codes);
    SchedulingMapper scheduling = new SchedulingMapper(codes);
    ObservationMapper observations = new ObservationMapper();
    DocumentMapper documents = new DocumentMapper();
    String base = sandbox.urls().fhirRoot();
    List<IBaseResource> all = new ArrayList<>();
    Consumer<IBaseResource> check = all::add;

    data.patients().forEach(p -> check.accept(patients.toFhir(p)));
    data.providers().forEach(p -> check.accept(directory.toFhir(p)));
    data.locations().forEach(l -> check.accept(directory.toFhir(l)));
    data.schedules().forEach(s -> check.accept(scheduling.toFhir(s)));
    data.slots().forEach(s -> check.accept(scheduling.toFhir(s, schedule(data, s.scheduleId()))));
    data.appointments().forEach(a -> check.accept(scheduling.toFhir(a)));
    data.encounters().forEach(e -> check.accept(encounters.toFhir(e)));
    data.observations().forEach(o -> check.accept(observations.toFhir(o)));
    data.documents().forEach(d -> check.accept(documents.toFhir(d, base)));
    data.documents().forEach(d -> check.accept(documents.binary(d)));
    List<String> errors =
        all.parallelStream().flatMap(resource -> errorsOf(resource).stream()).toList();

    assertThat(all).hasSizeGreaterThan(1000);
    assertThat(errors).isEmpty();
  }

  @Test
  void what_goes_over_the_wire_validates_too(CernerSandbox sandbox) {
    SandboxHttp http = new SandboxHttp(sandbox);
    String token =
        http.systemToken(
            "system/Patient.read system/Practitioner.read system/Location.read system/Encounter.read"
                + " system/Appointment.read system/Slot.read system/Schedule.read system/Observation.read"
                + " system/DocumentReference.read system/Binary.read");
    SandboxData data = sandbox.data();
    long patient = data.encounters().get(0).patientId();
    List<String> paths =
        List.of(
            "metadata",
            "Patient?family=S&_count=5",
            "Practitioner?_id=" + data.providers().get(0).personnelId(),
            "Location?-physicalType=bu",
            "Encounter?patient=" + patient,
            "Observation?patient=" + patient + "&_count=5",
            "DocumentReference?patient=" + data.documents().get(0).patientId(),
            "Schedule?actor=Practitioner/" + data.providers().get(0).personnelId(),
            "Slot?_id=" + data.slots().get(0).slotId(),
            "Appointment?_id=" + data.appointments().get(0).appointmentId(),
            "Binary/" + data.documents().get(0).binaryId(),
            "Patient",
            "Patient/1");
    List<String> errors = new ArrayList<>();
    for (String path : paths) {
      String body = http.fhirGet(path, token).body();
      errors.addAll(errorsOf(FHIR.newJsonParser().parseResource(body)));
    }
    assertThat(errors).isEmpty();
  }

  private static ScheduleRecord schedule(SandboxData data, String id) {
    return data.schedule(id).orElseThrow();
  }

  private static List<String> errorsOf(IBaseResource resource) {
    ValidationResult result = validator.validateWithResult(resource);
    List<String> errors = new ArrayList<>();
    for (SingleValidationMessage message : result.getMessages()) {
      if (message.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal()) {
        errors.add(
            resource.fhirType()
                + "/"
                + resource.getIdElement().getIdPart()
                + " "
                + message.getLocationString()
                + ": "
                + message.getMessage());
      }
    }
    return errors;
  }
}
