package com.practicestudio.oauth;

/**
 * A call to a resource server with a bearer token; throws {@link TokenRejectedException} on 401.
 */
@FunctionalInterface
public interface TokenCall<T> {

  T call(String accessToken);
}
