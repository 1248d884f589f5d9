package com.practicestudio.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.lang.reflect.Method;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.core.convert.ConversionException;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ValueConstants;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Checks an API request's query parameters before Spring binds them, and names every one that is
 * wrong in one answer (Spring stops at the first): a name the endpoint does not take, a value that
 * does not convert to its parameter's type, a required one left out. An unknown name is refused
 * where it would otherwise be ignored: a misspelt filter ({@code ?messageId=} for {@code ?q=}) must
 * not answer with every row as if it had matched. An endpoint that binds its parameters some other
 * way (a map, an object) is left alone, since its accepted names are not known here.
 */
final class QueryParameterChecks implements HandlerInterceptor {

  private static final ParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();
  private static final TypeDescriptor STRING = TypeDescriptor.valueOf(String.class);
  private static final TypeDescriptor STRINGS = TypeDescriptor.valueOf(String[].class);

  private final Supplier<ConversionService> conversions;
  private final Map<Method, Optional<List<QueryParameter>>> declared = new ConcurrentHashMap<>();

  /** {@code conversions}: the one Spring MVC binds with, so both agree on what converts. */
  QueryParameterChecks(Supplier<ConversionService> conversions) {
    this.conversions = conversions;
  }

  /**
   * A declared {@code @RequestParam}: its name, its target type (null for a file part, which is not
   * checked here), whether it must be given.
   */
  private record QueryParameter(String name, TypeDescriptor type, boolean required) {}

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (!(handler instanceof HandlerMethod method)) {
      return true;
    }
    Optional<List<QueryParameter>> parameters =
        declared.computeIfAbsent(method.getMethod(), m -> declaredParameters(method));
    if (parameters.isPresent()) {
      List<FieldProblem> problems = problems(request.getParameterMap(), parameters.get());
      if (!problems.isEmpty()) {
        throw new InvalidRequestException(problems);
      }
    }
    return true;
  }

  private List<FieldProblem> problems(Map<String, String[]> given, List<QueryParameter> declared) {
    List<FieldProblem> problems = new ArrayList<>();
    Set<String> names = new TreeSet<>();
    declared.forEach(p -> names.add(p.name()));
    for (String name : given.keySet()) {
      if (!names.contains(name)) {
        problems.add(
            new FieldProblem(
                name,
                names.isEmpty()
                    ? "is not a parameter of this request, which takes none"
                    : "is not a parameter of this request; it takes " + String.join(", ", names)));
      }
    }
    for (QueryParameter parameter : declared) {
      String[] values = given.get(parameter.name());
      if (parameter.type() == null) {
        continue;
      }
      if (values == null) {
        if (parameter.required()) {
          problems.add(new FieldProblem(parameter.name(), "is required"));
        }
      } else if (!converts(values, parameter.type())) {
        problems.add(
            new FieldProblem(
                parameter.name(), "must be " + ParameterTypes.describe(valueType(parameter))));
      }
    }
    return problems;
  }

  /** The type of one value: a list's element, else the parameter's own type. */
  private static Class<?> valueType(QueryParameter parameter) {
    TypeDescriptor type = parameter.type();
    TypeDescriptor element =
        type.isCollection() || type.isArray() ? type.getElementTypeDescriptor() : null;
    return element != null ? element.getType() : type.getType();
  }

  private boolean converts(String[] values, TypeDescriptor type) {
    try {
      // as Spring binds it: one value as a string (so "1,2" splits into a list), several as an
      // array
      if (values.length == 1) {
        conversions.get().convert(values[0], STRING, type);
      } else {
        conversions.get().convert(values, STRINGS, type);
      }
      return true;
    } catch (ConversionException | IllegalArgumentException e) {
      return false;
    }
  }

  /** The request parameters the method declares, or empty when it may take any. */
  private static Optional<List<QueryParameter>> declaredParameters(HandlerMethod method) {
    List<QueryParameter> parameters = new ArrayList<>();
    for (MethodParameter parameter : method.getMethodParameters()) {
      parameter.initParameterNameDiscovery(NAMES);
      RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
      if (param != null) {
        Class<?> type = parameter.getParameterType();
        if (Map.class.isAssignableFrom(type)) {
          return Optional.empty();
        }
        // Spring hands over the annotation synthesized, so name() also holds what value() gave
        String name = param.name().isEmpty() ? parameter.getParameterName() : param.name();
        if (MultipartFile.class.isAssignableFrom(type) || Part.class.isAssignableFrom(type)) {
          parameters.add(new QueryParameter(name, null, false));
          continue;
        }
        boolean required =
            param.required()
                && ValueConstants.DEFAULT_NONE.equals(param.defaultValue())
                && !parameter.isOptional();
        parameters.add(
            new QueryParameter(name, new TypeDescriptor(parameter.nestedIfOptional()), required));
      } else if (!boundElsewhere(parameter)) {
        return Optional.empty();
      }
    }
    return Optional.of(List.copyOf(parameters));
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
