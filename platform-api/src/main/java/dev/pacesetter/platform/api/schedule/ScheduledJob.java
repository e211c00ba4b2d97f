package dev.pacesetter.platform.api.schedule;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Recurring work of a module ("every night recompute customer tiers"); register it as a service
 * (whiteboard). The schedule is kept in the database under the module and {@link #name()}: across all kernel
 * processes each occurrence runs once, on one of them. An occurrence missed while every process was down
 * runs once on start. A changed {@link #schedule()} applies when the service is registered again.
 *
 * <p>A run that throws is logged and counted (visible at {@code GET /api/v1/jobs}); the next occurrence runs
 * as planned. Runs are skipped while the module is switched off everywhere; otherwise the job must leave
 * out the regions where it is off, which {@link JobRun#regions()} gives. If a process dies in the middle of a
 * run, the run is repeated, so make runs idempotent (recompute, don't increment).
 */
@ConsumerType
public interface ScheduledJob {

    /** Unique within the module, e.g. {@code tiers.recompute}: lower-case letters, digits, dots, dashes. */
    String name();

    JobSchedule schedule();

    void run(JobRun run) throws Exception;
}
