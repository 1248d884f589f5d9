package com.practicestudio.sandbox.data;

/** Told about each change after it is applied to the store. */
@FunctionalInterface
public interface DataChangeListener {
  void changed(DataChange change);
}
