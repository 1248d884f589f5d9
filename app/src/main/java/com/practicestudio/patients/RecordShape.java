package com.practicestudio.patients;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;

/**
 * A record class's components, read and built through method handles looked up once. The overlay
 * and the diff walk every field of a patient for each message; looking the components up and
 * reflecting on each call cost a twentieth of a worker's time (docs/benchmarks.md).
 */
final class RecordShape<R extends Record> {

  private final String type;
  private final List<String> names;
  private final MethodHandle[] accessors;
  private final MethodHandle constructor;

  private RecordShape(Class<R> type) {
    RecordComponent[] components = type.getRecordComponents();
    MethodHandles.Lookup lookup = MethodHandles.lookup();
    try {
      accessors = new MethodHandle[components.length];
      for (int i = 0; i < components.length; i++) {
        accessors[i] =
            lookup
                .unreflect(components[i].getAccessor())
                .asType(MethodType.methodType(Object.class, Object.class));
      }
      Class<?>[] types =
          Arrays.stream(components).map(RecordComponent::getType).toArray(Class[]::new);
      constructor =
          lookup
              .unreflectConstructor(type.getDeclaredConstructor(types))
              .asSpreader(Object[].class, components.length)
              .asType(MethodType.methodType(Object.class, Object[].class));
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot reach the components of " + type.getName(), e);
    }
    this.type = type.getSimpleName();
    names = Arrays.stream(components).map(RecordComponent::getName).toList();
  }

  static <R extends Record> RecordShape<R> of(Class<R> type) {
    return new RecordShape<>(type);
  }

  /** The components' names, in declaration order. */
  List<String> names() {
    return names;
  }

  int size() {
    return accessors.length;
  }

  Object get(int component, R record) {
    try {
      return accessors[component].invokeExact((Object) record);
    } catch (Error e) {
      throw e; // out of memory or stack is not a record that cannot be read
    } catch (Throwable e) {
      throw new IllegalStateException("cannot read " + type + "." + names.get(component), e);
    }
  }

  /** A new record from every component's value, in declaration order. */
  @SuppressWarnings("unchecked")
  R construct(Object[] values) {
    try {
      Object made = constructor.invokeExact(values); // invokeExact needs the handle's exact type
      return (R) made;
    } catch (Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(
          "cannot build a " + type + " of these " + names.size() + " values", e);
    }
  }
}
