/**
 * What the pipeline module offers other modules (incentives, analytics): the topics and payloads of its
 * events, the vocabulary of stages, activities and customer tiers, and the {@link dev.pacesetter.pipeline.api.Opportunities}
 * read service.
 */
@Export
@Version("1.2.0")
package dev.pacesetter.pipeline.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
