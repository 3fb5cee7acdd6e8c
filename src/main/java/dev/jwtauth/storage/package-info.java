/**
 * The embedded H2 default's files: the data folder and everything in it readable by
 * the service's user only, and a generated database password kept there, prepared
 * before the data source exists. A configured database (PostgreSQL, or H2 with a
 * password of its own) is left as it is. Also the base of the entities whose ids are
 * assigned before saving. Uses no other feature.
 */
@NullMarked
package dev.jwtauth.storage;

import org.jspecify.annotations.NullMarked;
