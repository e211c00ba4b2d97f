/** The module's tables: reads and writes on the caller's connection, parameterised through {@code Sql}. */
package dev.pacesetter.pipeline.internal.store;
