package com.practicestudio.fhir;

import com.practicestudio.web.FieldChecks;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;

/** Free Cerner slots of one appointment type in a time range, for booking. */
@Service
public class CernerSlots {

  /** The longest range one search may span. */
  static final Duration MAX_RANGE = Duration.ofDays(31);

  static final int MAX_RESULTS = 500;

  private final CernerGateway gateway;
  private final FhirMappers mappers;

  CernerSlots(CernerGateway gateway, FhirMappers mappers) {
    this.gateway = gateway;
    this.mappers = mappers;
  }

  /**
   * @param serviceType the Cerner appointment type code (code set 14249), as {@code code} or {@code
   *     system|code}
   */
  public List<CernerSlot> free(long domainId, Instant start, Instant end, String serviceType) {
    FieldChecks checks = new FieldChecks();
    checks.required("start", start);
    checks.required("end", end);
    String type = checks.requiredText("serviceType", serviceType, 200);
    if (start != null && end != null) {
      checks.check(end.isAfter(start), "end", "must be after start");
      checks.check(
          !end.isAfter(start.plus(MAX_RANGE)), "end", "must be at most 31 days after start");
    }
    checks.throwIfAny();
    CernerFhirClient client = gateway.client(domainId);
    String token =
        type.contains("|")
            ? type
            : FhirSystems.cernerCodeSet(
                    tenant(client.endpoint()), FhirSystems.APPOINTMENT_TYPE_CODE_SET)
                + "|"
                + type;
    SchedulingMapper mapper = mappers.scheduling(client.endpoint());
    return client.freeSlots(token, start, end, MAX_RESULTS).stream()
        .map(mapper::toSlot)
        .filter(s -> SchedulingMapper.FREE.equals(s.status()))
        .toList();
  }

  /** The tenant: the last path segment of the FHIR root. */
  static String tenant(FhirEndpoint endpoint) {
    String root = endpoint.fhirRoot();
    return root.substring(root.lastIndexOf('/') + 1);
  }
}
