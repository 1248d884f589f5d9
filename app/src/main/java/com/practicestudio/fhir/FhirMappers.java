package com.practicestudio.fhir;

import com.practicestudio.codemaps.CodeMaps;
import com.practicestudio.contact.PhoneNumbers;

/** The mappers of one Cerner domain, reading code values through its code-map scope. */
public final class FhirMappers {

  private final CodeMaps codeMaps;
  private final PhoneNumbers phones;

  FhirMappers(CodeMaps codeMaps, PhoneNumbers phones) {
    this.codeMaps = codeMaps;
    this.phones = phones;
  }

  public PatientMapper patients(FhirEndpoint endpoint) {
    return new PatientMapper(CodeTranslator.of(codeMaps, endpoint.codeMapScope()), phones);
  }

  /**
   * @param codeMapScope the domain's code-map scope; null for the default maps only
   */
  public EncounterMapper encounters(String codeMapScope) {
    return new EncounterMapper(CodeTranslator.of(codeMaps, codeMapScope));
  }

  public SchedulingMapper scheduling(FhirEndpoint endpoint) {
    return new SchedulingMapper(CodeTranslator.of(codeMaps, endpoint.codeMapScope()));
  }

  public DirectoryMapper directory() {
    return new DirectoryMapper(phones);
  }
}
