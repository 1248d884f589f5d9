package com.practicestudio.cerner;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** How the system account authenticates at the token endpoint. */
public enum ClientAuthMethod {
  /** Client id and secret in an HTTP Basic header. */
  CLIENT_SECRET_BASIC("client_secret_basic"),
  /** A client assertion JWT signed with the domain's private key (RS384). */
  PRIVATE_KEY_JWT("private_key_jwt");

  private final String wire;

  ClientAuthMethod(String wire) {
    this.wire = wire;
  }

  @JsonValue
  public String wire() {
    return wire;
  }

  public static Optional<ClientAuthMethod> fromWire(String text) {
    return Arrays.stream(values())
        .filter(m -> m.wire.equalsIgnoreCase(text == null ? "" : text.strip()))
        .findFirst();
  }

  public static List<String> wires() {
    return Arrays.stream(values()).map(ClientAuthMethod::wire).toList();
  }
}
