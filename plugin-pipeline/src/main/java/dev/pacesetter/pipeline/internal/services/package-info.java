/** The services the pipeline offers other modules through its api package; thin: the stores do the reading. */
package dev.pacesetter.pipeline.internal.services;
