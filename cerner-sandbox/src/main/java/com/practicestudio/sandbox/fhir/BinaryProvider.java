package com.practicestudio.sandbox.fhir;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import com.practicestudio.sandbox.data.SandboxData;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.IdType;

/**
 * Binary read: a document's content ({@code XR-{documentId}}). As FHIR JSON when the client asks
 * for {@code application/fhir+json}, else the raw bytes in their own content type.
 */
public final class BinaryProvider implements IResourceProvider {

  private final SandboxData data;
  private final DocumentMapper mapper;

  public BinaryProvider(SandboxData data, DocumentMapper mapper) {
    this.data = data;
    this.mapper = mapper;
  }

  @Override
  public Class<Binary> getResourceType() {
    return Binary.class;
  }

  @Read
  public Binary read(@IdParam IdType id) {
    String part = id.getIdPart();
    Long documentId = part.startsWith("XR-") ? Ids.numericOrNull(part.substring(3)) : null;
    return (documentId == null
            ? java.util.Optional.<com.practicestudio.sandbox.data.DocumentRecord>empty()
            : data.document(documentId))
        .map(mapper::binary)
        .orElseThrow(() -> new ResourceNotFoundException(id));
  }
}
