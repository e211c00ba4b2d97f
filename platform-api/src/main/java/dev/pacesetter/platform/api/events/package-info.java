/**
 * Domain events: plugins publish through the transactional outbox
 * ({@link dev.pacesetter.platform.api.events.EventPublisher}) and receive them as
 * {@link dev.pacesetter.platform.api.events.EventSubscriber} services.
 */
@Export
@Version("1.1.0")
package dev.pacesetter.platform.api.events;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
