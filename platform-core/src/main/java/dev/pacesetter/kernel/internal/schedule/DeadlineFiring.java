package dev.pacesetter.kernel.internal.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.Execution;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.ExecutionHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;

import dev.pacesetter.kernel.internal.json.JsonCodec;
import dev.pacesetter.platform.api.db.ModuleDatabase;
import dev.pacesetter.platform.api.pilot.EnabledRegions;
import dev.pacesetter.kernel.internal.pilot.RegionsByModule;
import dev.pacesetter.platform.api.schedule.DeadlineHandler;

/**
 * Fires one deadline a node picked: in one transaction, removes the row (only if it is still the version
 * that was picked: a deadline cancelled or moved meanwhile does not fire) and runs the handler, so the
 * handler's writes and the removal commit together, exactly once. Deadlines in a region where the module
 * is off are removed without firing; deadlines whose handler is missing wait for it.
 */
final class DeadlineFiring implements ExecutionHandler<DeadlineData> {

    private static final Logger LOG = LoggerFactory.getLogger(DeadlineFiring.class);
    /** How long a deadline without a handler waits; a handler that registers wakes it earlier. */
    static final Duration HANDLER_WAIT = Duration.ofMinutes(10);

    private final ScheduleWhiteboard whiteboard;
    private final ModuleDatabase db;
    private final RegionsByModule enablement;
    private final JsonCodec json;
    private final TaskDataSerializer serializer;
    private final Clock clock;

    DeadlineFiring(ScheduleWhiteboard whiteboard, ModuleDatabase db, RegionsByModule enablement, JsonCodec json,
            TaskDataSerializer serializer, Clock clock) {
        this.whiteboard = whiteboard;
        this.db = db;
        this.enablement = enablement;
        this.json = json;
        this.serializer = serializer;
        this.clock = clock;
    }

    @Override
    public CompletionHandler<DeadlineData> execute(TaskInstance<DeadlineData> instance, ExecutionContext context) {
        DeadlineData deadline = instance.getData();
        Execution picked = context.getExecution();
        EnabledRegions on = enablement.enabledRegions(deadline.module());
        boolean switchedOff = deadline.regionId() != null ? !on.includes(deadline.regionId()) : on.isNone();
        if (switchedOff) {
            if (db.inTransaction(c -> DeadlineRows.claim(c, instance.getId(), picked.version))) {
                LOG.debug("Skipped {}: module {} is switched off there", deadline.instanceId(), deadline.module());
            }
            return removedAlready();
        }
        Optional<HandlerSlot<DeadlineHandler>> found = whiteboard.deadlineHandler(deadline.module(), deadline.kind());
        if (found.isEmpty() || !found.get().enter()) {
            LOG.debug("No handler for {} on this node: it waits up to {}", deadline.instanceId(), HANDLER_WAIT);
            return (complete, operations) -> operations.reschedule(complete, clock.instant().plus(HANDLER_WAIT));
        }
        HandlerSlot<DeadlineHandler> slot = found.get();
        int attempt = picked.consecutiveFailures + 1;
        try {
            db.inTransaction(c -> {
                if (!DeadlineRows.claim(c, instance.getId(), picked.version)) {
                    return false;
                }
                try {
                    slot.handler().fire(c, new FiredDeadlineView(deadline, attempt, json));
                } catch (RuntimeException | java.sql.SQLException e) {
                    throw e;
                } catch (Exception e) {
                    throw new HandlerFailed(e);
                }
                if (attempt > 1) {
                    JobFailures.clear(c, DeadlineData.TASK, instance.getId());
                }
                return true;
            });
        } catch (RuntimeException e) {
            Throwable cause = e instanceof HandlerFailed ? e.getCause() : e;
            boolean parked = attempt >= DeadlineHandler.MAX_ATTEMPTS;
            recordFailure(deadline, attempt, cause, parked);
            if (parked) {
                LOG.error("Deadline {} failed {} times and is parked: {}", deadline.instanceId(), attempt, cause.toString());
            }
            throw e;
        } finally {
            slot.exit();
        }
        return removedAlready();
    }

    private void recordFailure(DeadlineData deadline, int attempt, Throwable cause, boolean parked) {
        try {
            db.inTransaction(c -> {
                JobFailures.record(c, new JobFailures.Failure(DeadlineData.TASK, deadline.instanceId(), deadline.module(),
                        serializer.serialize(deadline), Instant.ofEpochMilli(deadline.dueAtMillis()), attempt, cause.toString(), parked),
                        clock.instant());
                return null;
            });
        } catch (RuntimeException e) {
            LOG.warn("Could not record the failure of {}: {}", deadline.instanceId(), e.getMessage());
        }
    }

    /** The firing transaction removed the row; there is nothing left for the library to complete. */
    private static CompletionHandler<DeadlineData> removedAlready() {
        return (complete, operations) -> {
        };
    }
}
