package com.practicestudio.sandbox.ccl;

/** A place in CCL text, both counted from 1. */
public record Pos(int line, int column) {

  @Override
  public String toString() {
    return line + ":" + column;
  }
}
