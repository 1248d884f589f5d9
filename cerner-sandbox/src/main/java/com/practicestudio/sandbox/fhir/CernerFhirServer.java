package com.practicestudio.sandbox.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.tenant.UrlBaseTenantIdentificationStrategy;
import com.practicestudio.sandbox.SandboxUrls;
import com.practicestudio.sandbox.auth.TokenService;
import com.practicestudio.sandbox.data.SandboxData;
import java.util.Date;

/** The FHIR R4 server at {@code /r4/{tenant}/}: HAPI's plain RestfulServer over the data store. */
public final class CernerFhirServer extends RestfulServer {

  public CernerFhirServer(
      FhirContext fhir, SandboxData data, SandboxUrls urls, TokenService tokens) {
    super(fhir);
    setTenantIdentificationStrategy(new UrlBaseTenantIdentificationStrategy());
    setDefaultResponseEncoding(EncodingEnum.JSON);
    CernerCodes codes = new CernerCodes(urls.tenant());
    SchedulingMapper scheduling = new SchedulingMapper(codes);
    DirectoryMapper directory = new DirectoryMapper();
    DocumentMapper documents = new DocumentMapper();
    registerProviders(
        java.util.List.of(
            new PatientProvider(data, new PatientMapper(codes)),
            new PractitionerProvider(data, directory),
            new LocationProvider(data, directory),
            new EncounterProvider(data, new EncounterMapper(codes)),
            new ScheduleProvider(data, scheduling),
            new SlotProvider(data, scheduling),
            new AppointmentProvider(data, scheduling, new Booking(data)),
            new ObservationProvider(data, new ObservationMapper()),
            new DocumentReferenceProvider(data, documents),
            new BinaryProvider(data, documents)));
    setServerConformanceProvider(
        new CapabilityStatementProvider(urls, Date.from(data.clock().instant())));
    registerInterceptor(new SmartAuthorizationInterceptor(tokens, urls::fhirRoot));
    registerInterceptor(new OutcomeCodesInterceptor());
  }
}
