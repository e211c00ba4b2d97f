/** The module's REST resources: one {@code RouteProvider} component per resource, validating input and calling the stores. */
package dev.pacesetter.pipeline.internal.http;
