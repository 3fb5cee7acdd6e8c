/**
 * The sample protected resources: {@code /protected}, {@code /hello} and each user's
 * own work items. An item is visible to its owner only; to anyone else it does not
 * exist.
 */
package dev.jwtauth.work;
