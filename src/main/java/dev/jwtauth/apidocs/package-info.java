/**
 * The OpenAPI description at {@code /v3/api-docs} and Swagger UI at
 * {@code /swagger-ui.html}, generated from the controllers by springdoc. What every
 * route shares (the bearer scheme, the problem documents, the refusals of the security
 * chain) is added here once, read from the running security configuration, so the
 * controllers carry only what is particular to them.
 */
package dev.jwtauth.apidocs;
