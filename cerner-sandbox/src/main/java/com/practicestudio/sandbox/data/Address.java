package com.practicestudio.sandbox.data;

/** A postal address ({@code line2} may be null; {@code use} is home, work, ...). */
public record Address(
    String use,
    String line1,
    String line2,
    String city,
    String state,
    String postalCode,
    String country) {}
