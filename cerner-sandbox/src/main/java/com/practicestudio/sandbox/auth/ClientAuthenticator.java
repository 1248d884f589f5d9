package com.practicestudio.sandbox.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.AsymmetricJWK;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.auth.verifier.ClientAuthenticationVerifier;
import com.nimbusds.oauth2.sdk.auth.verifier.ClientCredentialsSelector;
import com.nimbusds.oauth2.sdk.auth.verifier.Context;
import com.nimbusds.oauth2.sdk.auth.verifier.InvalidClientException;
import com.nimbusds.oauth2.sdk.id.Audience;
import com.nimbusds.oauth2.sdk.id.ClientID;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Authenticates clients at the token, introspection and revocation endpoints: HTTP Basic with the
 * client secret, or a {@code private_key_jwt} assertion signed by a registered key. Public apps
 * send only their {@code client_id}.
 */
final class ClientAuthenticator {

  private final ClientRegistry registry;
  private final Supplier<String> tokenUrl;

  ClientAuthenticator(ClientRegistry registry, Supplier<String> tokenUrl) {
    this.registry = registry;
    this.tokenUrl = tokenUrl;
  }

  /**
   * The authenticated client.
   *
   * @param publicClientId the {@code client_id} parameter when no client authentication was sent
   * @throws InvalidClientException when authentication fails or is missing for a confidential one
   */
  RegisteredClient authenticate(ClientAuthentication auth, ClientID publicClientId)
      throws InvalidClientException {
    if (auth == null) {
      RegisteredClient client =
          registry
              .find(publicClientId == null ? null : publicClientId.getValue())
              .orElseThrow(() -> InvalidClientException.BAD_ID);
      if (client.kind() != RegisteredClient.Kind.PUBLIC_APP) {
        throw new InvalidClientException("Client authentication is required");
      }
      return client;
    }
    RegisteredClient client =
        registry
            .find(auth.getClientID().getValue())
            .orElseThrow(() -> InvalidClientException.BAD_ID);
    if (auth instanceof ClientSecretBasic basic) {
      if (client.secret() == null || !sameSecret(client.secret(), basic.getClientSecret())) {
        throw InvalidClientException.BAD_SECRET;
      }
      return client;
    }
    if (auth instanceof PrivateKeyJWT jwt && client.jwks() != null) {
      verifyAssertion(jwt);
      return client;
    }
    throw new InvalidClientException(
        "Unsupported client authentication method " + auth.getMethod());
  }

  private void verifyAssertion(PrivateKeyJWT jwt) throws InvalidClientException {
    ClientAuthenticationVerifier<Void> verifier =
        new ClientAuthenticationVerifier<>(new KeySelector(), Set.of(new Audience(tokenUrl.get())));
    try {
      verifier.verify(jwt, null, new Context<>());
    } catch (JOSEException e) {
      throw new InvalidClientException("The client assertion cannot be checked");
    }
  }

  private static boolean sameSecret(String expected, Secret given) {
    return MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.UTF_8),
        given.getValue().getBytes(StandardCharsets.UTF_8));
  }

  private final class KeySelector implements ClientCredentialsSelector<Void> {
    @Override
    public List<Secret> selectClientSecrets(
        ClientID clientId, ClientAuthenticationMethod method, Context<Void> context) {
      return List.of();
    }

    @Override
    public List<PublicKey> selectPublicKeys(
        ClientID clientId,
        ClientAuthenticationMethod method,
        JWSHeader header,
        boolean forceRefresh,
        Context<Void> context)
        throws InvalidClientException {
      RegisteredClient client =
          registry.find(clientId.getValue()).orElseThrow(() -> InvalidClientException.BAD_ID);
      List<PublicKey> keys = new ArrayList<>();
      for (JWK key : client.jwks().getKeys()) {
        if (key instanceof AsymmetricJWK asymmetric
            && (header.getKeyID() == null || header.getKeyID().equals(key.getKeyID()))) {
          try {
            keys.add(asymmetric.toPublicKey());
          } catch (JOSEException e) {
            throw new InvalidClientException("A registered key is unusable");
          }
        }
      }
      return keys;
    }
  }
}
