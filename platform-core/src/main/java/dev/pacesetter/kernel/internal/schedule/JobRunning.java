package dev.pacesetter.kernel.internal.schedule;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.VoidExecutionHandler;

import dev.pacesetter.platform.api.db.ModuleDatabase;
import dev.pacesetter.platform.api.pilot.EnabledRegions;
import dev.pacesetter.kernel.internal.pilot.RegionsByModule;
import dev.pacesetter.platform.api.schedule.JobRun;
import dev.pacesetter.platform.api.schedule.ScheduledJob;

/**
 * Runs one occurrence of a recurring job; the library then plans the next from the stored schedule. An
 * occurrence is skipped while the module is off everywhere or its bundle is not running on this node.
 */
final class JobRunning implements VoidExecutionHandler<JobData> {

    private static final Logger LOG = LoggerFactory.getLogger(JobRunning.class);

    private final ScheduleWhiteboard whiteboard;
    private final ModuleDatabase db;
    private final RegionsByModule enablement;
    private final TaskDataSerializer serializer;
    private final Clock clock;

    JobRunning(ScheduleWhiteboard whiteboard, ModuleDatabase db, RegionsByModule enablement, TaskDataSerializer serializer, Clock clock) {
        this.whiteboard = whiteboard;
        this.db = db;
        this.enablement = enablement;
        this.serializer = serializer;
        this.clock = clock;
    }

    private record Run(Instant scheduledFor, EnabledRegions regions) implements JobRun {
    }

    @Override
    public void execute(TaskInstance<JobData> instance, ExecutionContext context) {
        JobData job = instance.getData();
        EnabledRegions regions = enablement.enabledRegions(job.module());
        if (regions.isNone()) {
            LOG.debug("Job {} skipped: module {} is switched off everywhere", instance.getId(), job.module());
            return;
        }
        Optional<HandlerSlot<ScheduledJob>> found = whiteboard.job(job.module(), job.name());
        if (found.isEmpty() || !found.get().enter()) {
            LOG.info("Job {} skipped: its bundle is not running on this node", instance.getId());
            return;
        }
        Instant scheduledFor = context.getExecution().executionTime;
        int failuresBefore = context.getExecution().consecutiveFailures;
        try {
            found.get().handler().run(new Run(scheduledFor, regions));
            if (failuresBefore > 0) {
                db.inTransaction(c -> {
                    JobFailures.clear(c, JobData.TASK, instance.getId());
                    return null;
                });
            }
        } catch (Exception e) {
            LOG.warn("Job {} failed (run planned for {}): {}", instance.getId(), scheduledFor, e.toString());
            try {
                db.inTransaction(c -> {
                    JobFailures.record(c, new JobFailures.Failure(JobData.TASK, instance.getId(), job.module(), serializer.serialize(job),
                            scheduledFor, failuresBefore + 1, e.toString(), false), clock.instant());
                    return null;
                });
            } catch (RuntimeException notRecorded) {
                LOG.warn("Could not record the failure of job {}: {}", instance.getId(), notRecorded.getMessage());
            }
            throw e instanceof RuntimeException runtime ? runtime : new HandlerFailed(e);
        } finally {
            found.get().exit();
        }
    }
}
