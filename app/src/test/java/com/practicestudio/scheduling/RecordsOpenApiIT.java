package com.practicestudio.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import com.practicestudio.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.ResponseEntity;

@IntegrationTest
class RecordsOpenApiIT {

  @Autowired TestRestTemplate http;

  @Test
  void the_openapi_document_lists_the_records_endpoints() {
    ResponseEntity<String> docs = http.getForEntity("/api/docs", String.class);
    assertThat(docs.getStatusCode().value()).isEqualTo(200);
    assertThat(docs.getBody())
        .contains(
            "/api/v1/appointments/{id}/cancel",
            "/api/v1/encounters",
            "/api/v1/observations",
            "/api/v1/documents/{id}/content",
            "/api/v1/charges",
            "/api/v1/claims",
            "/api/v1/remittances",
            "/api/v1/payments");
    assertThat(docs.getBody())
        .as("a cancellation's reason may not be blank")
        .contains(
            "\"CancelRequest\":{\"type\":\"object\",\"properties\":{\"reason\":{\"type\":\"string\",\"minLength\":1}}");
  }
}
