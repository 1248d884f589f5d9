package com.practicestudio.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * The HAPI validator against FHIR R4, built and warmed once per JVM (loading the structure
 * definitions takes seconds).
 */
public final class R4Validation {

  private static final FhirContext FHIR = FhirContext.forR4Cached();
  private static volatile FhirValidator validator;

  private R4Validation() {}

  /** Error and fatal messages ({@code location: message}); empty for a valid resource. */
  public static List<String> errors(IBaseResource resource) {
    return validator().validateWithResult(resource).getMessages().stream()
        .filter(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
        .map(R4Validation::describe)
        .toList();
  }

  private static String describe(SingleValidationMessage m) {
    return m.getLocationString() + ": " + m.getMessage();
  }

  private static FhirValidator validator() {
    FhirValidator v = validator;
    if (v == null) {
      synchronized (R4Validation.class) {
        v = validator;
        if (v == null) {
          ValidationSupportChain chain =
              new ValidationSupportChain(
                  new DefaultProfileValidationSupport(FHIR),
                  new CommonCodeSystemsTerminologyService(FHIR),
                  new InMemoryTerminologyServerValidationSupport(FHIR),
                  new SnapshotGeneratingValidationSupport(FHIR));
          v = FHIR.newValidator().registerValidatorModule(new FhirInstanceValidator(chain));
          v.validateWithResult(new org.hl7.fhir.r4.model.Patient().setActive(true));
          validator = v;
        }
      }
    }
    return v;
  }
}
