/**
 * What the pipeline module offers other modules (incentives, analytics): the topics and payloads of its
 * events, and the vocabulary of stages, activities and customer tiers.
 */
@Export
@Version("1.1.0")
package dev.pacesetter.pipeline.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
