package com.practicestudio.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Method;
import java.security.Principal;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses a query parameter that the API endpoint does not take, naming it, where it would
 * otherwise be ignored: a misspelt filter ({@code ?messageId=} for {@code ?q=}) must not answer
 * with every row as if it had matched. An endpoint that binds its parameters some other way (a map,
 * an object) is left alone, since its accepted names are not known here.
 */
final class UnknownQueryParameters implements HandlerInterceptor {

  private static final ParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();

  private final Map<Method, Optional<Set<String>>> accepted = new ConcurrentHashMap<>();

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (!(handler instanceof HandlerMethod method)) {
      return true;
    }
    Optional<Set<String>> names =
        accepted.computeIfAbsent(method.getMethod(), m -> acceptedNames(method));
    if (names.isEmpty()) {
      return true;
    }
    for (String given : request.getParameterMap().keySet()) {
      if (!names.get().contains(given)) {
        throw new InvalidRequestException(
            given,
            names.get().isEmpty()
                ? "is not a parameter of this request, which takes none"
                : "is not a parameter of this request; it takes " + String.join(", ", names.get()));
      }
    }
    return true;
  }

  /** The request parameters the method declares, or empty when it may take any. */
  private static Optional<Set<String>> acceptedNames(HandlerMethod method) {
    Set<String> names = new TreeSet<>();
    for (MethodParameter parameter : method.getMethodParameters()) {
      parameter.initParameterNameDiscovery(NAMES);
      RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
      if (param != null) {
        if (Map.class.isAssignableFrom(parameter.getParameterType())) {
          return Optional.empty();
        }
        // Spring hands over the annotation synthesized, so name() also holds what value() gave
        names.add(param.name().isEmpty() ? parameter.getParameterName() : param.name());
      } else if (!boundElsewhere(parameter)) {
        return Optional.empty();
      }
    }
    return Optional.of(names);
  }

  /** A parameter that takes nothing from the query string. */
  private static boolean boundElsewhere(MethodParameter parameter) {
    Class<?> type = parameter.getParameterType();
    return parameter.hasParameterAnnotation(PathVariable.class)
        || parameter.hasParameterAnnotation(RequestBody.class)
        || parameter.hasParameterAnnotation(RequestHeader.class)
        || HttpServletRequest.class.isAssignableFrom(type)
        || HttpServletResponse.class.isAssignableFrom(type)
        || Principal.class.isAssignableFrom(type);
  }
}
