package com.practicestudio.sandbox.junit;

import com.practicestudio.sandbox.CernerSandbox;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts a Cerner sandbox on free ports for a test class (or once per JVM) and hands it to the
 * test: as a {@code CernerSandbox} parameter of constructors, lifecycle and test methods, and in
 * fields marked {@link InjectSandbox}.
 *
 * <pre>{@code
 * @ExtendWith(CernerSandboxExtension.class)
 * @CernerSandboxConfig(patients = 200, shared = true)
 * class BookingIT {
 *   @Test void books(CernerSandbox sandbox) { ... sandbox.urls().fhirRoot() ... }
 * }
 *
 * // or, for full control:
 * @RegisterExtension
 * static CernerSandboxExtension sandbox =
 *     new CernerSandboxExtension(() -> CernerSandbox.builder().clock(clock));
 * }</pre>
 */
public final class CernerSandboxExtension
    implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(CernerSandboxExtension.class);

  private final Supplier<CernerSandbox.Builder> builder;

  /** Used by {@code @ExtendWith}: options from {@link CernerSandboxConfig}, else defaults. */
  public CernerSandboxExtension() {
    this(null);
  }

  /** A sandbox per test class built by {@code builder} (its port is left to pick a free one). */
  public CernerSandboxExtension(Supplier<CernerSandbox.Builder> builder) {
    this.builder = builder;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IllegalAccessException {
    CernerSandbox sandbox = sandbox(context);
    inject(context.getRequiredTestClass(), null, sandbox);
  }

  @Override
  public void beforeEach(ExtensionContext context) throws IllegalAccessException {
    inject(context.getRequiredTestClass(), context.getRequiredTestInstance(), sandbox(context));
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == CernerSandbox.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return sandbox(context);
  }

  /** The sandbox for this context: the class's own, or the JVM-wide shared one. */
  public CernerSandbox sandbox(ExtensionContext context) {
    Class<?> testClass = context.getRequiredTestClass();
    CernerSandboxConfig config = testClass.getAnnotation(CernerSandboxConfig.class);
    if (builder == null && config != null && config.shared()) {
      String key = "shared-" + config.seed() + "-" + config.patients();
      return context
          .getRoot()
          .getStore(NAMESPACE)
          .computeIfAbsent(key, k -> new Running(start(config)), Running.class)
          .sandbox();
    }
    ExtensionContext classContext = classContext(context);
    return classContext
        .getStore(NAMESPACE)
        .computeIfAbsent(testClass.getName(), k -> new Running(start(config)), Running.class)
        .sandbox();
  }

  private CernerSandbox start(CernerSandboxConfig config) {
    CernerSandbox.Builder chosen;
    if (builder != null) {
      chosen = builder.get();
    } else {
      chosen = CernerSandbox.builder();
      if (config != null) {
        chosen.seed(config.seed()).patients(config.patients());
      }
    }
    return chosen.port(0).build().start();
  }

  private static ExtensionContext classContext(ExtensionContext context) {
    ExtensionContext current = context;
    while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
      current = current.getParent().get();
    }
    return current;
  }

  private static void inject(Class<?> type, Object instance, CernerSandbox sandbox)
      throws IllegalAccessException {
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field field : c.getDeclaredFields()) {
        boolean isStatic = Modifier.isStatic(field.getModifiers());
        if (field.isAnnotationPresent(InjectSandbox.class)
            && field.getType() == CernerSandbox.class
            && (instance == null) == isStatic) {
          field.setAccessible(true);
          field.set(instance, sandbox);
        }
      }
    }
  }

  /** Closes the sandbox when JUnit closes the store it lives in. */
  private record Running(CernerSandbox sandbox) implements AutoCloseable {
    @Override
    public void close() {
      sandbox.close();
    }
  }
}
