package com.practicestudio.hl7v2;

/** Whether a path holds a value, and which kind of "no value" it is. */
public enum ValueState {
  /** The segment, field, repetition, component or subcomponent is not in the message at all. */
  ABSENT,
  /** Present but empty: the sender did not value it (keep what the receiver has). */
  EMPTY,
  /** {@code ""}: the sender's explicit null (delete what the receiver has). */
  NULL,
  /** Holds a value. */
  VALUED;

  /** True only for {@link #VALUED}. */
  public boolean isValued() {
    return this == VALUED;
  }
}
