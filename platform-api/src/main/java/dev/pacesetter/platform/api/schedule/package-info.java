/**
 * Deadlines and recurring jobs. A plugin schedules one-off {@link dev.pacesetter.platform.api.schedule.Deadline}s
 * tied to its records through {@link dev.pacesetter.platform.api.schedule.Deadlines}, inside the transaction
 * that changes the record, and fires them in a {@link dev.pacesetter.platform.api.schedule.DeadlineHandler};
 * recurring work is a {@link dev.pacesetter.platform.api.schedule.ScheduledJob}. Both handlers are whiteboard
 * services. Deadlines and schedules are kept in the database, so they survive restarts and are shared by
 * every kernel process on one database: each deadline fires once.
 */
@Export
@Version("1.0.0")
package dev.pacesetter.platform.api.schedule;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
