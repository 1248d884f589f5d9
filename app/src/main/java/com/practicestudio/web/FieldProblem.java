package com.practicestudio.web;

/**
 * One bad field of a request.
 *
 * @param field the field as the client named it, e.g. {@code address.postalCode} or {@code limit}
 * @param message what is wrong, without echoing the value (it may be PHI)
 */
public record FieldProblem(String field, String message) {}
