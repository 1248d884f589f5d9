package com.practicestudio.sandbox.data;

/**
 * A coded value as Millennium holds it: the site's code value, plus the standard code it is aliased
 * to when one exists ({@code standard} may be null).
 */
public record Coded(CodeValue millennium, Concept standard) {

  public String display() {
    return millennium.display();
  }
}
