package com.practicestudio.sandbox.junit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Options for the sandbox {@link CernerSandboxExtension} starts for a test class. With {@code
 * shared = true} one sandbox (per distinct seed and patient count) serves every such class in the
 * JVM and is closed when the test run ends.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
public @interface CernerSandboxConfig {

  long seed() default 20_261_125L;

  int patients() default 1000;

  boolean shared() default false;
}
