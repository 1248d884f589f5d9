package com.practicestudio.fhir;

import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.function.Supplier;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Slot;

/**
 * One Cerner domain's FHIR R4 API, over HAPI's generic client with our token and request-id
 * interceptors. Reads are retried in place after 429, 503 and dropped connections, waiting as
 * {@code Retry-After} says (up to {@code maxRetryAfter}); a 401 invalidates the token and is tried
 * once more with a fresh one; searches follow {@code Bundle.link[next]} as Cerner gives it. Writes
 * are not retried here (they run from the journal, which retries them): they fail with a {@link
 * CernerFhirException} that says whether a retry may help and how long to wait.
 */
public final class CernerFhirClient {

  private final FhirEndpoint endpoint;
  private final IGenericClient client;
  private final BearerTokenInterceptor auth;
  private final RequestMetricsInterceptor requests;
  private final FhirClientProperties settings;
  private final Sleeper sleeper;
  private final Clock clock;

  CernerFhirClient(
      FhirEndpoint endpoint,
      IGenericClient client,
      BearerTokenInterceptor auth,
      RequestMetricsInterceptor requests,
      FhirClientProperties settings,
      Sleeper sleeper,
      Clock clock) {
    this.endpoint = endpoint;
    this.client = client;
    this.auth = auth;
    this.requests = requests;
    this.settings = settings;
    this.sleeper = sleeper;
    this.clock = clock;
  }

  public FhirEndpoint endpoint() {
    return endpoint;
  }

  // ---- reads

  public Patient readPatient(String id) {
    return read(Patient.class, id);
  }

  public Practitioner readPractitioner(String id) {
    return read(Practitioner.class, id);
  }

  public Location readLocation(String id) {
    return read(Location.class, id);
  }

  public Encounter readEncounter(String id) {
    return read(Encounter.class, id);
  }

  public Slot readSlot(String id) {
    return read(Slot.class, id);
  }

  public Appointment readAppointment(String id) {
    return read(Appointment.class, id);
  }

  public Binary readBinary(String id) {
    return read(Binary.class, id);
  }

  /** Patients by Cerner's search rules, at most {@code max} of them. */
  public List<Patient> searchPatients(PatientSearch search, int max) {
    return search(Patient.class, search.parameters(), max);
  }

  /** The encounter with this FIN ({@code identifier=system|value}). */
  public Optional<Encounter> encounterByFin(String system, String fin) {
    String token = system == null ? fin : system + "|" + fin;
    return search(Encounter.class, Map.of("identifier", token), 2).stream().findFirst();
  }

  public List<Encounter> encounters(String patientId) {
    return search(Encounter.class, Map.of("patient", patientId), Integer.MAX_VALUE);
  }

  /** Free slots of one appointment type starting in [from, to). */
  public List<Slot> freeSlots(String serviceType, Instant from, Instant to, int max) {
    return search(
        Slot.class,
        List.of(
            Map.entry("service-type", serviceType),
            Map.entry("start", "ge" + from),
            Map.entry("start", "lt" + to)),
        max);
  }

  /** A patient's appointments starting in [from, to). */
  public List<Appointment> appointments(String patientId, Instant from, Instant to) {
    return search(
        Appointment.class,
        List.of(
            Map.entry("patient", patientId),
            Map.entry("date", "ge" + from),
            Map.entry("date", "lt" + to)),
        Integer.MAX_VALUE);
  }

  /** The appointments at a location starting in [from, to). */
  public List<Appointment> locationAppointments(String locationId, Instant from, Instant to) {
    return search(
        Appointment.class,
        List.of(
            Map.entry("location", locationId),
            Map.entry("date", "ge" + from),
            Map.entry("date", "lt" + to)),
        Integer.MAX_VALUE);
  }

  /**
   * A patient's observations, narrowed by code ({@code system|code}) and effective time [from, to)
   * when given.
   */
  public List<Observation> observations(String patientId, String code, Instant from, Instant to) {
    List<Map.Entry<String, String>> parameters = new ArrayList<>();
    parameters.add(Map.entry("patient", patientId));
    if (code != null) {
      parameters.add(Map.entry("code", code));
    }
    if (from != null) {
      parameters.add(Map.entry("date", "ge" + from));
    }
    if (to != null) {
      parameters.add(Map.entry("date", "lt" + to));
    }
    return search(Observation.class, parameters, Integer.MAX_VALUE);
  }

  /** A patient's documents, narrowed by LOINC type and date [from, to) when given. */
  public List<DocumentReference> documents(
      String patientId, String type, Instant from, Instant to) {
    List<Map.Entry<String, String>> parameters = new ArrayList<>();
    parameters.add(Map.entry("patient", patientId));
    if (type != null) {
      parameters.add(Map.entry("type", type));
    }
    if (from != null) {
      parameters.add(Map.entry("period", "ge" + from));
    }
    if (to != null) {
      parameters.add(Map.entry("period", "lt" + to));
    }
    return search(DocumentReference.class, parameters, Integer.MAX_VALUE);
  }

  // ---- writes (not retried here)

  /** Creates the resource; answers the id Cerner gave it (from the {@code Location} header). */
  public String create(Resource resource) {
    String what = resource.fhirType() + " create";
    MethodOutcome outcome = once(what, () -> client.create().resource(resource).execute());
    if (outcome.getId() == null || !outcome.getId().hasIdPart()) {
      throw new CernerFhirException(
          FhirError.REJECTED, 201, what, "no id in the Location header", null, null, null);
    }
    return outcome.getId().getIdPart();
  }

  /**
   * Sets a slot's status by JSON Patch with {@code If-Match} on its version; answers the new
   * version (from the {@code ETag}). A stale version answers {@link FhirError#CONFLICT}.
   */
  public String patchSlotStatus(String slotId, String version, String status) {
    MethodOutcome outcome =
        once(
            "Slot patch",
            () ->
                client
                    .patch()
                    .withBody(SchedulingMapper.statusPatch(status))
                    .withId("Slot/" + slotId)
                    .withAdditionalHeader("If-Match", "W/\"" + version + "\"")
                    .execute());
    List<String> etag =
        outcome.getResponseHeaders() == null ? null : outcome.getResponseHeaders().get("etag");
    return etag == null || etag.isEmpty() ? null : etag.get(0).replaceAll("^W/\"|\"$", "");
  }

  // ---- plumbing

  private <T extends IBaseResource> T read(Class<T> type, String id) {
    return retried(
        type.getSimpleName() + " read", () -> client.read().resource(type).withId(id).execute());
  }

  private <T extends Resource> List<T> search(
      Class<T> type, Map<String, String> parameters, int max) {
    return search(type, List.copyOf(parameters.entrySet()), max);
  }

  private <T extends Resource> List<T> search(
      Class<T> type, List<Map.Entry<String, String>> parameters, int max) {
    String what = type.getSimpleName() + " search";
    StringJoiner query = new StringJoiner("&");
    for (Map.Entry<String, String> p : parameters) {
      query.add(p.getKey() + "=" + URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8));
    }
    query.add("_count=" + Math.min(settings.pageSize(), Math.max(1, max)));
    String url = type.getSimpleName() + "?" + query;
    Bundle page =
        retried(what, () -> client.search().byUrl(url).returnBundle(Bundle.class).execute());
    List<T> found = new ArrayList<>();
    for (int pages = 1; ; pages++) {
      for (Bundle.BundleEntryComponent entry : page.getEntry()) {
        if (type.isInstance(entry.getResource()) && found.size() < max) {
          found.add(type.cast(entry.getResource()));
        }
      }
      if (found.size() >= max
          || page.getLink(Bundle.LINK_NEXT) == null
          || pages >= settings.maxPages()) {
        return found;
      }
      Bundle current = page;
      page = retried(what, () -> client.loadPage().next(current).execute());
    }
  }

  /** A write: one try, plus one more with a fresh token after a 401. */
  private <T> T once(String what, Supplier<T> call) {
    return execute(what, call, false);
  }

  private <T> T retried(String what, Supplier<T> call) {
    return execute(what, call, true);
  }

  private <T> T execute(String what, Supplier<T> call, boolean retry) {
    boolean reauthorised = false;
    int retries = 0;
    while (true) {
      try {
        return call.get();
      } catch (AuthenticationException e) {
        if (reauthorised) {
          throw CernerErrors.translate(
              e, what, clock, requests.lastRequestId(), requests.lastHeaders());
        }
        auth.invalidateLast();
        reauthorised = true;
      } catch (RuntimeException e) {
        CernerFhirException error =
            CernerErrors.translate(
                e, what, clock, requests.lastRequestId(), requests.lastHeaders());
        if (!retry || !error.retryable() || retries >= settings.readRetries()) {
          throw error;
        }
        retries++;
        pause(error, retries);
      }
    }
  }

  private void pause(CernerFhirException error, int retry) {
    Duration wait = error.retryAfter();
    if (wait == null) {
      wait = settings.initialBackoff().multipliedBy(1L << Math.min(retry - 1, 10));
    }
    if (wait.compareTo(settings.maxRetryAfter()) > 0) {
      throw error;
    }
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw error;
    }
  }
}
