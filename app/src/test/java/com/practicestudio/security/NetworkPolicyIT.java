package com.practicestudio.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.practicestudio.testing.TestUsers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** The API allowlist and HTTPS (TLS 1.2+ only), each on a server started with that setting. */
class NetworkPolicyIT {

  @TempDir Path dir;

  @Test
  void the_api_refuses_addresses_outside_the_allowlist_but_health_stays_open() throws Exception {
    try (ConfigurableApplicationContext context =
        server("practice-studio.security.api-allowlist=10.0.0.0/8,192.168.1.7")) {
      int port = ((WebServerApplicationContext) context).getWebServer().getPort();
      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<String> api =
          http.send(
              HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/users"))
                  .header("Authorization", basic())
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(api.statusCode()).isEqualTo(403);
      assertThat(api.body()).contains("may not call the API");
      HttpResponse<String> health =
          http.send(
              HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(health.statusCode()).isEqualTo(200);
    }
  }

  @Test
  void https_with_a_keystore_speaks_tls_1_2_and_1_3() throws Exception {
    Path keystore = dir.resolve("server.p12");
    Process keytool =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-alias",
                "server",
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-dname",
                "CN=localhost",
                "-ext",
                "SAN=dns:localhost,ip:127.0.0.1",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                keystore.toString(),
                "-storepass",
                "changeit",
                "-keypass",
                "changeit")
            .inheritIO()
            .start();
    assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(keytool.exitValue()).isZero();

    try (ConfigurableApplicationContext context =
        server(
            "server.ssl.key-store=" + keystore,
            "server.ssl.key-store-password=changeit",
            "server.ssl.key-store-type=PKCS12",
            "server.ssl.enabled-protocols=TLSv1.1,TLSv1.2,TLSv1.3")) {
      int port = ((WebServerApplicationContext) context).getWebServer().getPort();
      URI health = URI.create("https://localhost:" + port + "/actuator/health");
      SSLContext trust = trusting(keystore);

      for (String protocol : new String[] {"TLSv1.2", "TLSv1.3"}) {
        HttpResponse<String> ok =
            client(trust, protocol)
                .send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(ok.statusCode()).as(protocol).isEqualTo(200);
      }
    }
  }

  private ConfigurableApplicationContext server(String... settings) throws Exception {
    Path dataDir = Files.createTempDirectory(dir, "data-");
    return new SpringApplicationBuilder(com.practicestudio.PracticeStudioApplication.class)
        .properties(
            "server.port=0",
            "practice-studio.hl7.mllp.port=0",
            "practice-studio.data-dir=" + dataDir,
            "PRACTICE_STUDIO_ADMIN_PASSWORD=" + TestUsers.ADMIN_PASSWORD)
        .properties(settings)
        .run();
  }

  private static HttpClient client(SSLContext context, String protocol) {
    SSLParameters parameters = new SSLParameters();
    parameters.setProtocols(new String[] {protocol});
    return HttpClient.newBuilder().sslContext(context).sslParameters(parameters).build();
  }

  private static SSLContext trusting(Path keystore) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (var in = Files.newInputStream(keystore)) {
      store.load(in, "changeit".toCharArray());
    }
    KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
    trusted.load(null, null);
    trusted.setCertificateEntry("server", (X509Certificate) store.getCertificate("server"));
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trusted);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, tmf.getTrustManagers(), null);
    return context;
  }

  private static String basic() {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((TestUsers.ADMIN + ":" + TestUsers.ADMIN_PASSWORD).getBytes());
  }
}
