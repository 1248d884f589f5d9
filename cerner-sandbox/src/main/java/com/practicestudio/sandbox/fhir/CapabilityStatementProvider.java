package com.practicestudio.sandbox.fhir;

import ca.uhn.fhir.rest.annotation.Metadata;
import com.practicestudio.sandbox.SandboxUrls;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.UriType;

/**
 * The CapabilityStatement at {@code metadata}: the resources, interactions and search parameters
 * the sandbox really supports, and where its OAuth endpoints are (SMART oauth-uris extension).
 */
public final class CapabilityStatementProvider {

  static final String OAUTH_URIS =
      "http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris";

  private static final Map<String, List<TypeRestfulInteraction>> INTERACTIONS =
      Map.of(
          "Appointment", List.of(TypeRestfulInteraction.CREATE),
          "Observation", List.of(TypeRestfulInteraction.CREATE),
          "DocumentReference", List.of(TypeRestfulInteraction.CREATE),
          "Slot", List.of(TypeRestfulInteraction.UPDATE, TypeRestfulInteraction.PATCH));

  private final SandboxUrls urls;
  private final Date published;

  public CapabilityStatementProvider(SandboxUrls urls, Date published) {
    this.urls = urls;
    this.published = published;
  }

  /** Called by HAPI when registered; the statement needs nothing from the server. */
  public void setRestfulServer(ca.uhn.fhir.rest.server.RestfulServer server) {
    // the statement is built from SearchSpec, not from the server's bindings
  }

  @Metadata
  public CapabilityStatement getServerConformance(HttpServletRequest request) {
    CapabilityStatement statement = new CapabilityStatement();
    statement.setUrl(urls.fhirRoot() + "/metadata");
    statement.setName("CernerSandboxCapabilityStatement");
    statement.setTitle("Cerner Millennium sandbox capability statement");
    statement.setStatus(Enumerations.PublicationStatus.ACTIVE);
    statement.setDate(published);
    statement.setPublisher("Practice Studio");
    statement.setKind(CapabilityStatement.CapabilityStatementKind.INSTANCE);
    statement.getSoftware().setName("Practice Studio Cerner sandbox");
    statement
        .getImplementation()
        .setDescription("Stand-in for a Cerner Millennium domain")
        .setUrl(urls.fhirRoot());
    statement.setFhirVersion(Enumerations.FHIRVersion._4_0_1);
    statement.addFormat("json");
    statement.addPatchFormat("application/json-patch+json");
    CapabilityStatementRestComponent rest = statement.addRest();
    rest.setMode(CapabilityStatement.RestfulCapabilityMode.SERVER);
    security(rest);
    for (String type : SearchSpec.BY_TYPE.keySet()) {
      resource(rest.addResource().setType(type), type);
    }
    rest.addResource().setType("Binary").addInteraction().setCode(TypeRestfulInteraction.READ);
    return statement;
  }

  private void security(CapabilityStatementRestComponent rest) {
    CapabilityStatement.CapabilityStatementRestSecurityComponent security = rest.getSecurity();
    security.setCors(true);
    security.addService(
        new CodeableConcept(
                new Coding(
                    "http://terminology.hl7.org/CodeSystem/restful-security-service",
                    "SMART-on-FHIR",
                    "SMART-on-FHIR"))
            .setText("OAuth2 using SMART-on-FHIR profile (see http://docs.smarthealthit.org)"));
    Extension uris = new Extension(OAUTH_URIS);
    uris.addExtension(new Extension("token", new UriType(urls.tokenUrl())));
    uris.addExtension(new Extension("authorize", new UriType(urls.authorizeUrl())));
    // the R4 oauth-uris extension defines only token, authorize, register and manage;
    // introspection and revocation are announced in .well-known/smart-configuration
    security.addExtension(uris);
  }

  private static void resource(CapabilityStatementRestResourceComponent resource, String type) {
    resource.addInteraction().setCode(TypeRestfulInteraction.READ);
    resource.addInteraction().setCode(TypeRestfulInteraction.SEARCHTYPE);
    INTERACTIONS
        .getOrDefault(type, List.of())
        .forEach(interaction -> resource.addInteraction().setCode(interaction));
    if (INTERACTIONS.getOrDefault(type, List.of()).contains(TypeRestfulInteraction.UPDATE)) {
      resource.setVersioning(CapabilityStatement.ResourceVersionPolicy.VERSIONED);
      resource.setConditionalUpdate(false);
    }
    for (SearchSpec.Param param : SearchSpec.of(type)) {
      resource
          .addSearchParam()
          .setName(param.name())
          .setType(param.type())
          .setDocumentation(param.documentation());
    }
  }
}
