package dev.jwtauth.errors;

/**
 * One rejected input field, as listed in a problem document's {@code errors}.
 *
 * @param field the request field, as the client spelled it
 * @param message why it was rejected, fit to show to a person
 */
public record FieldProblem(String field, String message) {
}
