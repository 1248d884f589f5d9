package com.practicestudio.sandbox.data;

import java.math.BigDecimal;

/** A measured amount with its UCUM unit code and human unit. */
public record Quantity(BigDecimal value, String unit, String ucum) {}
