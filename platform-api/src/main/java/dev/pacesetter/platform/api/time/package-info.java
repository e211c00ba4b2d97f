/**
 * The platform's time: one {@link dev.pacesetter.platform.api.time.PlatformClock} that every module, the deadlines and
 * the jobs read, so that a test (or a training installation) can move it forward and watch "24 hours later" happen
 * without waiting; and the organisation's business time zone, where its days, weeks and months begin.
 */
@Export
@Version("1.0.0")
package dev.pacesetter.platform.api.time;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
