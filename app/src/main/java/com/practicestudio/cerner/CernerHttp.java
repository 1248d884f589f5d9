package com.practicestudio.cerner;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.springframework.stereotype.Component;

/**
 * Plain GETs to Cerner servers with the configured timeouts (connect, then read), HTTP/1.1 and no
 * redirects followed. Bodies are for parsing, never for logs: they may hold PHI.
 */
@Component
public class CernerHttp {

  private final CernerProperties settings;
  private final HttpClient client;

  CernerHttp(CernerProperties settings) {
    this.settings = settings;
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(settings.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  public CernerProperties settings() {
    return settings;
  }

  /**
   * GET {@code uri} accepting {@code accept}, with a bearer token when {@code bearer} is not null.
   *
   * @throws java.net.http.HttpConnectTimeoutException when connecting takes too long
   * @throws java.net.http.HttpTimeoutException when the answer takes too long
   */
  public HttpResponse<String> get(URI uri, String accept, String bearer)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri).timeout(settings.readTimeout()).header("Accept", accept).GET();
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
