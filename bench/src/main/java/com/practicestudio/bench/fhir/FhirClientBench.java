package com.practicestudio.bench.fhir;

import com.practicestudio.fhir.CernerFhirClient;
import com.practicestudio.fhir.CernerFhirClients;
import com.practicestudio.fhir.FhirClientProperties;
import com.practicestudio.fhir.FhirEndpoint;
import com.practicestudio.fhir.PatientSearch;
import com.practicestudio.fhir.Sleeper;
import com.practicestudio.sandbox.CernerSandbox;
import com.practicestudio.sandbox.data.PatientRecord;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Patient;

/**
 * Patient search (family name prefix, first page of 10) and a read of the first match, through our
 * FHIR client (HAPI generic client + token and metrics interceptors + error handling), next to a
 * bare {@code java.net.http} client doing the same two requests with the same token, on the same
 * sandbox in the same run. Rounds alternate so that neither side gets a warmer machine. Prints a
 * Markdown table, and how many tokens the sandbox granted during the run.
 *
 * <p>Usage: {@code java -cp <bench classpath> com.practicestudio.bench.fhir.FhirClientBench
 * [threads] [seconds per round] [rounds]}
 */
public final class FhirClientBench {

  private static final Set<String> SCOPES = Set.of("system/Patient.read");
  private static final Pattern FIRST_ID =
      Pattern.compile(
          "\"resource\"\\s*:\\s*\\{\\s*\"resourceType\"\\s*:\\s*\"Patient\"\\s*,\\s*\"id\"\\s*:\\s*\"([^\"]+)\"");

  private FhirClientBench() {}

  public static void main(String[] args) throws Exception {
    int threads = args.length > 0 ? Integer.parseInt(args[0]) : 4;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    try (CernerSandbox sandbox = CernerSandbox.builder().patients(1000).build().start()) {
      ClientCredentialsTokens tokens = new ClientCredentialsTokens(sandbox);
      FhirEndpoint endpoint =
          new FhirEndpoint(
              1,
              "bench",
              sandbox.urls().fhirRoot(),
              SCOPES,
              ZoneId.of("UTC"),
              null,
              null,
              false,
              false);
      CernerFhirClient ours =
          new CernerFhirClients(
                  tokens,
                  FhirClientProperties.defaults(),
                  new SimpleMeterRegistry(),
                  Sleeper.REAL,
                  Clock.systemUTC())
              .client(endpoint);
      Bare bare = new Bare(sandbox.urls().fhirRoot(), tokens);
      List<String> prefixes = prefixes(sandbox);
      IntConsumer viaOurs = i -> ours(ours, prefixes.get(i % prefixes.size()));
      IntConsumer viaBare = i -> bare.searchAndRead(prefixes.get(i % prefixes.size()));
      long grantsBefore = sandbox.grants().granted("client_credentials");
      long started = System.nanoTime();
      run(viaOurs, threads, 20); // warm-up
      run(viaBare, threads, 20);
      double oursTotal = 0;
      double bareTotal = 0;
      System.out.println(
          "| round | ours (search+read pairs/s) | bare java.net.http (pairs/s) | ratio |");
      System.out.println("|---|---|---|---|");
      for (int round = 1; round <= rounds; round++) {
        double o = run(viaOurs, threads, seconds);
        double b = run(viaBare, threads, seconds);
        oursTotal += o;
        bareTotal += b;
        System.out.printf("| %d | %.1f | %.1f | %.2f |%n", round, o, b, o / b);
      }
      System.out.printf(
          "| all | %.1f | %.1f | %.2f |%n",
          oursTotal / rounds, bareTotal / rounds, oursTotal / bareTotal);
      System.out.printf(
          "token grants during the whole run (%d s under load, %d threads, token lifetime %d s): %d%n",
          Duration.ofNanos(System.nanoTime() - started).toSeconds(),
          threads,
          sandbox.options().accessTokenLifetime().toSeconds(),
          sandbox.grants().granted("client_credentials") - grantsBefore);
    }
  }

  private static void ours(CernerFhirClient client, String prefix) {
    List<Patient> page = client.searchPatients(new PatientSearch(prefix, null, null, null), 10);
    if (!page.isEmpty()) {
      client.readPatient(page.get(0).getIdElement().getIdPart());
    }
  }

  /** Pairs per second over {@code seconds}, with {@code threads} callers. */
  static double run(IntConsumer call, int threads, int seconds) throws InterruptedException {
    AtomicLong done = new AtomicLong();
    long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
    CountDownLatch finished = new CountDownLatch(threads);
    for (int t = 0; t < threads; t++) {
      int offset = t * 7919;
      new Thread(
              () -> {
                int i = offset;
                while (System.nanoTime() < end) {
                  call.accept(i++);
                  done.incrementAndGet();
                }
                finished.countDown();
              })
          .start();
    }
    finished.await();
    return done.get() / (double) seconds;
  }

  static List<String> prefixes(CernerSandbox sandbox) {
    List<String> prefixes = new ArrayList<>();
    for (PatientRecord p : sandbox.data().patients()) {
      String family = p.name().family();
      String prefix = family.substring(0, Math.min(4, family.length()));
      if (!prefixes.contains(prefix)) {
        prefixes.add(prefix);
      }
    }
    return prefixes;
  }

  /** The same two requests with nothing but java.net.http and a regular expression. */
  static final class Bare {
    private final String root;
    private final ClientCredentialsTokens tokens;
    private final HttpClient http = HttpClient.newHttpClient();

    Bare(String root, ClientCredentialsTokens tokens) {
      this.root = root;
      this.tokens = tokens;
    }

    void searchAndRead(String prefix) {
      String page =
          get(
              root
                  + "/Patient?family="
                  + URLEncoder.encode(prefix, StandardCharsets.UTF_8)
                  + "&_count=10");
      Matcher m = FIRST_ID.matcher(page);
      if (m.find()) {
        get(root + "/Patient/" + m.group(1));
      }
    }

    private String get(String url) {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(url))
              .header("Accept", "application/fhir+json")
              .header("Authorization", "Bearer " + tokens.token(1, SCOPES))
              .GET()
              .build();
      try {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
          throw new IllegalStateException("HTTP " + response.statusCode());
        }
        return response.body();
      } catch (IOException e) {
        throw new IllegalStateException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
